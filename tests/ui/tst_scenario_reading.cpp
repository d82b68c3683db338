// Scenario: a person reading in context in the real MainWindow: a search result shows a snippet
// with the word found highlighted, readable at the dock's default width; opening it shows that
// message with the word highlighted; pins and summaries show their whole text, wrapped, and
// each leads to its message.
#include "browse/conversationhighlighter.h"
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/notedelegate.h"
#include "browse/notesmodel.h"
#include "browse/notespane.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchhitdelegate.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"
#include "testsupport.h"
#include "wrappedtext.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QtTest>

using namespace kalito;

class TestScenarioReading : public QObject
{
    Q_OBJECT
private slots:
    void aResultShowsTheHitAndOpensOnIt();
    void pinsAndSummariesReadInFullAndJump();
    void aHitPastTheClipIsShown();

private:
    static int highlightedPixels(QWidget *widget, const QRect &rect);
};

int TestScenarioReading::highlightedPixels(QWidget *widget, const QRect &rect)
{
    const QImage image = widget->grab().toImage();
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += image.pixelColor(x, y) == ui::SearchHitDelegate::highlightColor() ? 1 : 0;
    }
    return n;
}

void TestScenarioReading::aResultShowsTheHitAndOpensOnIt()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 6, 30);
    const QString target =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1;"));
    // The word far into a long message: the snippet starts 40 characters before it.
    const QString text = QStringLiteral("Mom takes lisinopril 10 mg in the morning and ") +
                         QStringLiteral("then some more words about the garden ").repeated(4) +
                         QStringLiteral("and the Zanzibarite appointment is on Tuesday, after lunch; ") +
                         QStringLiteral("bring the blue folder. ").repeated(10);
    test::sqlite3(path, QStringLiteral("INSERT INTO messages(session_id, role, text, created_at) VALUES "
                                       "('%1', 'user', '%2', '2025-01-06T09:30:00.000Z');")
                            .arg(target, text));
    const qint64 hitId = test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE text LIKE "
                                                            "'%zanzibarite%';"))
                             .toLongLong();
    test::ScenarioWindow w(path);
    QTest::keyClick(w.window(), Qt::Key_F, Qt::ControlModifier);
    ui::SearchDock *dock = w.window()->searchDock();
    QTRY_VERIFY(dock->isVisible());
    auto *edit = dock->findChild<QLineEdit *>();
    QTRY_VERIFY(edit->hasFocus());
    QSignalSpy finished(dock->runner(), &SearchRunner::finished);
    test::ScenarioWindow::typeText(edit, QStringLiteral("ZANZIBARITE"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
    QCOMPARE(dock->model()->rowCount(), 1);

    // At the dock's default width the result is a card with the hit in view and highlighted.
    QTableView *view = dock->view();
    const QModelIndex cell = dock->model()->index(0, ui::SearchResultsModel::SnippetColumn);
    const QRect rect = view->visualRect(cell);
    QVERIFY2(rect.width() >= view->viewport()->width() - 2, qPrintable(QString::number(rect.width())));
    const int textWidth = rect.width() - 2 * ui::SearchHitDelegate::kMargin;
    const auto fitted = ui::SearchHitDelegate::fittedSnippet(cell, view->font(), textWidth);
    QVERIFY(fitted.lines >= 2); // wrapped, not a few characters elided
    QVERIFY(!fitted.ranges.isEmpty());
    QCOMPARE(fitted.text.mid(fitted.ranges.first().start, fitted.ranges.first().length),
             QStringLiteral("Zanzibarite"));
    QVERIFY(fitted.text.contains(QStringLiteral("appointment"))); // words around it, readable
    QVERIFY(highlightedPixels(view->viewport(), rect) > 20);

    // Opening it shows the message selected in its session, the word highlighted in full text.
    view->setFocus();
    view->setCurrentIndex(cell);
    QTest::keyClick(view, Qt::Key_Return);
    ui::ConversationsPage *page = w.conversations();
    QTRY_COMPARE(page->transcript()->model()->sessionId(), target);
    QTRY_COMPARE(page->transcript()->model()->messageIdAt(page->transcript()->view()->currentIndex().row()),
                 hitId);
    // The conversation (the default view) is scrolled to the message, the word highlighted in it.
    ui::TranscriptView *t = page->transcript();
    QCOMPARE(t->mode(), ui::TranscriptView::Mode::Conversation);
    const int row = t->view()->currentIndex().row();
    QTRY_VERIFY(!t->conversation()->rowRect(row).isEmpty());
    QTRY_VERIFY(!t->conversationHighlighter()->rangesOf(hitId).isEmpty());
    const auto range = t->conversationHighlighter()->rangesOf(hitId).first();
    QCOMPARE(t->conversation()->displayedText(row).mid(range.first, range.second),
             QStringLiteral("Zanzibarite"));
    const QImage shot = t->conversation()->viewport()->grab().toImage();
    int yellow = 0;
    const QRect rowRect = t->conversation()->rowRect(row).intersected(shot.rect());
    for (int y = rowRect.top(); y <= rowRect.bottom(); ++y) {
        for (int x = rowRect.left(); x <= rowRect.right(); ++x) {
            const QColor px = shot.pixelColor(x, y);
            yellow += px.red() > 180 && px.green() > 140 && px.blue() < 110 ? 1 : 0;
        }
    }
    QVERIFY2(yellow > 10, qPrintable(QString::number(yellow)));
    ui::MessageDetailPane *detail = page->detail();
    QTRY_COMPARE(detail->messageId(), hitId);
    QTRY_COMPARE(detail->highlightCount(), 1);
    const QTextCursor c = detail->textEdit()->extraSelections().first().cursor;
    QCOMPARE(c.selectedText(), QStringLiteral("Zanzibarite"));

    // A session chosen in the list afterwards carries no search's highlight.
    ui::SessionsPane *sessions = page->sessions();
    test::ScenarioWindow::clickRow(sessions->view(), 0);
    QTRY_VERIFY(page->transcript()->model()->sessionId() != target || detail->highlight().isEmpty());
    QTRY_VERIFY(detail->highlight().isEmpty());
    w.reportStalls();
}

void TestScenarioReading::pinsAndSummariesReadInFullAndJump()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 12, 45);
    const QString sid = test::sqlite3(
        path, QStringLiteral("SELECT s.id FROM sessions s WHERE EXISTS (SELECT 1 FROM semantic_pins p WHERE "
                             "p.session_id = s.id) AND EXISTS (SELECT 1 FROM conversation_summaries c WHERE "
                             "c.session_id = s.id) ORDER BY s.rowid LIMIT 1;"));
    QVERIFY(!sid.isEmpty());
    // A long summary: read in full, not in a tooltip.
    const QString longText = QStringLiteral("The family talked through the weekly plans. ").repeated(12) +
                             QStringLiteral("END-OF-SUMMARY");
    test::sqlite3(path,
                  QStringLiteral("UPDATE conversation_summaries SET summary = '%1' WHERE rowid = (SELECT "
                                 "min(rowid) FROM conversation_summaries WHERE session_id = '%2');")
                      .arg(longText, sid));
    test::ScenarioWindow w(path);
    ui::SessionsPane *sessions = w.conversations()->sessions();
    QTRY_VERIFY(sessions->model()->findSessionRow(sid) >= 0);
    test::ScenarioWindow::clickRow(sessions->view(), sessions->model()->findSessionRow(sid));
    ui::NotesPane *notes = w.conversations()->notes();
    // The notes of this session (those of the session open before may still be shown a moment).
    auto findLong = [&] {
        for (int r = 0; r < notes->model()->rowCount(); ++r) {
            if (notes->model()
                    ->index(r, ui::NotesModel::Text)
                    .data(ui::NotesModel::FullTextRole)
                    .toString() == longText)
                return r;
        }
        return -1;
    };
    QTRY_VERIFY(findLong() >= 0);
    const int longRow = findLong();
    QTableView *view = notes->view();
    const QModelIndex index = notes->model()->index(longRow, ui::NotesModel::Text);
    // The card is as tall as the whole text wrapped at the pane's width, plus its quiet line.
    const int width = view->columnWidth(ui::NotesModel::Text);
    QVERIFY(width >= view->viewport()->width() - 2);
    const int needed = ui::NoteDelegate::heightFor(index, view->font(), width);
    QTRY_COMPARE(view->rowHeight(longRow), needed);
    QVERIFY(needed > 4 * QFontMetrics(view->font()).height());
    const QString context = index.data(ui::NotesModel::ContextLineRole).toString();
    QVERIFY2(context.startsWith(QStringLiteral("Summary")), qPrintable(context));
    QVERIFY2(context.contains(QStringLiteral("message")), qPrintable(context));
    // Narrower pane: the cards grow taller, the text still whole.
    w.window()->resize(w.window()->width() - 200, w.window()->height());
    QTRY_VERIFY(view->columnWidth(ui::NotesModel::Text) < width);
    QTRY_COMPARE(view->rowHeight(longRow),
                 ui::NoteDelegate::heightFor(index, view->font(), view->columnWidth(ui::NotesModel::Text)));
    // A click on the card leads to its message.
    const qint64 target = index.data(ui::NotesModel::SourceMessageRole).toLongLong();
    QVERIFY(target > 0);
    test::ScenarioWindow::clickRow(view, longRow, ui::NotesModel::Text);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    QTRY_COMPARE(transcript->model()->messageIdAt(transcript->view()->currentIndex().row()), target);
    QTRY_COMPARE(w.conversations()->detail()->messageId(), target);
    w.reportStalls();
}

// A long message is shown clipped (its first few thousand characters); a result whose word is past
// the clip opens the message in full and scrolls within it to the word, highlighted on screen.
void TestScenarioReading::aHitPastTheClipIsShown()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 2, 10);
    const QString sid =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1;"));
    test::sqlite3(path,
                  QStringLiteral("INSERT INTO messages(session_id, role, text, created_at) VALUES ('%1', "
                                 "'assistant', replace(hex(zeroblob(3000)), '00', 'ab ') || 'the Okapi "
                                 "hides here', '2025-01-06T09:30:00.000Z');")
                      .arg(sid));
    const qint64 hitId =
        test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE text LIKE '%okapi%';"))
            .toLongLong();
    test::ScenarioWindow w(path);
    w.window()->showMessage(sid, hitId, QString(), QStringLiteral("okapi"));
    ui::TranscriptView *t = w.conversations()->transcript();
    QTRY_COMPARE(t->model()->messageIdAt(t->view()->currentIndex().row()), hitId);
    const int row = t->view()->currentIndex().row();
    QTRY_VERIFY(!t->conversation()->rowRect(row).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!t->conversationHighlighter()->rangesOf(hitId).isEmpty(), 10000);
    QVERIFY(!t->conversation()->isRowClipped(row));
    const auto range = t->conversationHighlighter()->rangesOf(hitId).first();
    QCOMPARE(t->conversation()->displayedText(row).mid(range.first, range.second), QStringLiteral("Okapi"));
    // Scrolled within the message to the hit: its line in the viewport, painted highlighted.
    ui::ConversationView *conv = t->conversation();
    const auto item = conv->items()->itemById(hitId);
    QVERIFY(item && item->expanded);
    QVERIFY2(item->height > conv->viewport()->height(), "the message fits the screen: nothing to scroll");
    const QRect rect = conv->rowRect(row);
    QVERIFY(!rect.isEmpty());
    const QRectF line = item->layout->lineRectAt(range.first);
    const int inRow = conv->items()->bodyRect(*item).top() + int(line.center().y());
    QVERIFY2(inRow > conv->viewport()->height(),
             "the hit is on the message's first screen: no scroll needed");
    const int y = rect.top() + inRow;
    QVERIFY2(y >= 0 && y < conv->viewport()->height(),
             qPrintable(QStringLiteral("the hit's line at %1, the viewport %2 high")
                            .arg(y)
                            .arg(conv->viewport()->height())));
    const QImage shot = conv->viewport()->grab().toImage();
    int yellow = 0;
    for (int py = qMax(0, y - int(line.height())); py <= qMin(shot.height() - 1, y + int(line.height()));
         ++py) {
        for (int x = 0; x < shot.width(); ++x) {
            const QColor px = shot.pixelColor(x, py);
            yellow += px.red() > 180 && px.green() > 140 && px.blue() < 110 ? 1 : 0;
        }
    }
    QVERIFY2(yellow > 10, qPrintable(QString::number(yellow)));
    w.reportStalls();
}

QTEST_MAIN(TestScenarioReading)
#include "tst_scenario_reading.moc"
