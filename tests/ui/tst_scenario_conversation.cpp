// Scenario: a person reading a session as a chat history in the real MainWindow: the conversation
// view is the default, each message whole and wrapped, the user's and the assistant's apart, Markdown
// as plain text, Arabic against the right edge; the grid a click away and back; first and last;
// a click shows the message in the detail pane; copying a message, as Markdown, the selection and
// the whole conversation; a 10 MB message clipped, then shown in full without a stall; keys and
// the wheel.
#include "browse/conversationitems.h"
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "settingswriter.h"
#include "stallwatch.h"
#include "testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace kalito;

class TestScenarioConversation : public QObject
{
    Q_OBJECT
private slots:
    void readsLikeAChatHistory();
    void showAllThenShowLess();
    void aStaleListCountStillOpensAtTheNewest();
    void anEmptyConversationTakesEveryKey();

private:
    static QToolButton *button(QWidget *parent, const QString &text);
};

QToolButton *TestScenarioConversation::button(QWidget *parent, const QString &text)
{
    for (QToolButton *b : parent->findChildren<QToolButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

void TestScenarioConversation::readsLikeAChatHistory()
{
    QSettings().remove(QStringLiteral("transcriptMode")); // no choice remembered: the default
    ui::SettingsWriter::flush();
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 4, 60);
    const QString sid =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1;")).trimmed();
    const QString cjk =
        QStringLiteral("你好，世界。这是一个很长的中文句子，用来检查换行是否正确。").repeated(12) +
        QStringLiteral(" 👋🏽🎉");
    test::sqlite3(
        path,
        QStringLiteral(
            "INSERT INTO messages(session_id, role, text, created_at) VALUES "
            "('%1', 'assistant', 'مرحبا بك', '2099-01-01T00:00:01.000Z'), "
            "('%1', 'assistant', '# Plan' || char(10) || char(10) || '- **Take** 10 mg' || char(10) || "
            "'  - nested' || char(10) || char(10) || '```' || char(10) || 'code line' || char(10) || '```', "
            "'2099-01-01T00:00:02.000Z'), "
            "('%1', 'user', '%2', '2099-01-01T00:00:03.000Z'), "
            "('%1', 'assistant', replace(printf('%.*c', 850000, 'x'), 'x', 'lorem ipsum '), "
            "'2099-01-01T00:00:04.000Z');")
            .arg(sid, cjk));
    auto idOf = [&](int offsetFromEnd) {
        return test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' ORDER BY "
                                                  "created_at DESC, id DESC LIMIT 1 OFFSET %2;")
                                       .arg(sid)
                                       .arg(offsetFromEnd))
            .toLongLong();
    };
    const qint64 bigId = idOf(0), cjkId = idOf(1), markdownId = idOf(2), rtlId = idOf(3);

    test::ScenarioWindow w(path);
    ui::ConversationsPage *page = w.conversations();
    ui::TranscriptView *transcript = page->transcript();
    ui::ConversationView *conv = transcript->conversation();
    ui::MessagesModel *messages = transcript->model();
    QCOMPARE(transcript->mode(), ui::TranscriptView::Mode::Conversation);

    // A click on the session opens it as a conversation.
    ui::SessionsPane *pane = page->sessions();
    QTRY_VERIFY(pane->model()->findSessionRow(sid) >= 0);
    test::ScenarioWindow::clickRow(pane->view(), pane->model()->findSessionRow(sid));
    QTRY_COMPARE(messages->sessionId(), sid);
    QTRY_COMPARE(messages->knownCount(), qint64(64));
    QVERIFY(conv->isVisible());
    QVERIFY(!transcript->view()->isVisible());
    // It opens at the newest message, as a chat history does: the last row's bottom on screen,
    // laid out (not a placeholder).
    QTRY_VERIFY(conv->items()->item(63) != nullptr);
    QTRY_VERIFY(conv->isAtBottom());
    QCOMPARE(conv->visibleRows().last().first, 63);
    QVERIFY(conv->topRow() > 0);
    QVERIFY(transcript->isAtEnd());
    // Up to the start, where user and assistant messages alternate.
    button(transcript, QStringLiteral("First"))->click();
    QTRY_VERIFY(conv->items()->item(0) != nullptr);
    QTRY_VERIFY(!conv->visibleRows().isEmpty());

    // The user's messages on the right, the assistant's on the left, each labelled.
    const int vw = conv->viewport()->width();
    bool sawUser = false, sawAssistant = false;
    for (const auto &v : conv->visibleRows()) {
        const auto item = conv->items()->item(v.first);
        if (!item)
            continue;
        const QRect bubble = conv->items()->bubbleRect(*item);
        QVERIFY(bubble.right() < vw);
        if (item->role == QLatin1String("user")) {
            sawUser = true;
            QCOMPARE(item->label, QStringLiteral("User"));
            QVERIFY2(vw - bubble.right() < 30, "a user's message sits against the right edge");
        } else if (item->role == QLatin1String("assistant")) {
            sawAssistant = true;
            QCOMPARE(item->label, QStringLiteral("Assistant"));
            QVERIFY2(bubble.left() < 30, "an assistant's message sits against the left edge");
        }
    }
    QVERIFY(sawUser && sawAssistant);

    // A long CJK message is shown whole, wrapped over several lines, emoji included.
    page->showMessage(sid, cjkId);
    QTRY_COMPARE(messages->messageIdAt(conv->currentRow()), cjkId);
    QTRY_VERIFY(conv->items()->itemById(cjkId) != nullptr);
    {
        const auto item = conv->items()->itemById(cjkId);
        QVERIFY(!item->clipped);
        QCOMPARE(item->layout->plainText(), cjk);
        QVERIFY(item->layout->lineRects(100).size() >= 3);
        QVERIFY(!conv->rowRect(conv->currentRow()).isEmpty());
    }
    QTRY_COMPARE(page->detail()->messageId(), cjkId);

    // Markdown as plain text: the heading's text, list markers and indents, the code's lines.
    page->showMessage(sid, markdownId);
    QTRY_VERIFY(conv->items()->itemById(markdownId) != nullptr);
    QCOMPARE(conv->displayedText(conv->currentRow()),
             QStringLiteral("Plan\n\n• Take 10 mg\n  • nested\n\ncode line"));

    // Arabic: its line ends at the right edge of the text; a Latin line starts at the left.
    page->showMessage(sid, rtlId);
    QTRY_VERIFY(conv->items()->itemById(rtlId) != nullptr);
    {
        const auto rtl = conv->items()->itemById(rtlId);
        QVERIFY(rtl->layout->hasRightToLeft());
        const QRectF line = rtl->layout->lineRects(1).value(0);
        QVERIFY2(line.right() > rtl->layout->width() - 3, "right-to-left text ends at the right edge");
        QVERIFY(line.left() > rtl->layout->width() / 2);
        const auto md = conv->items()->itemById(markdownId);
        QVERIFY(md);
        QCOMPARE(md->layout->lineRects(1).value(0).left(), 0.0);
    }

    // The grid is one click away, showing the same current message, and back.
    const int current = conv->currentRow();
    button(transcript, QStringLiteral("Grid"))->click();
    QCOMPARE(transcript->mode(), ui::TranscriptView::Mode::Grid);
    QVERIFY(transcript->view()->isVisible());
    QVERIFY(!conv->isVisible());
    QCOMPARE(transcript->view()->currentIndex().row(), current);
    button(transcript, QStringLiteral("Conversation"))->click();
    QCOMPARE(transcript->mode(), ui::TranscriptView::Mode::Conversation);
    QVERIFY(conv->isVisible());
    QCOMPARE(conv->currentRow(), current);

    // First and last at once.
    button(transcript, QStringLiteral("First"))->click();
    QCOMPARE(conv->topRow(), 0);
    QCOMPARE(conv->topOffset(), 0);
    button(transcript, QStringLiteral("Last"))->click();
    QTRY_VERIFY(conv->isAtBottom());
    QCOMPARE(conv->visibleRows().last().first, 63);
    button(transcript, QStringLiteral("First"))->click();
    QTRY_VERIFY(conv->items()->item(1) != nullptr);

    // A click on a message shows it in the detail pane; Ctrl+C copies its text.
    const QRect row1 = conv->rowRect(1);
    QVERIFY(!row1.isEmpty());
    const auto item1 = conv->items()->item(1);
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier,
                      conv->items()->bubbleRect(*item1).translated(row1.topLeft()).center());
    QCOMPARE(conv->currentRow(), 1);
    QTRY_COMPARE(page->detail()->messageId(), item1->id);
    const QString text1 =
        test::sqlite3(path, QStringLiteral("SELECT text FROM messages WHERE id = %1;").arg(item1->id));
    QApplication::clipboard()->clear();
    QTest::keyClick(conv, Qt::Key_C, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::clipboard()->text(), text1);

    // A double click selects the message's text as shown; Ctrl+C copies that selection.
    QTest::mouseDClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier,
                       conv->items()->bodyRect(*item1).translated(row1.topLeft()).center());
    QCOMPARE(conv->textSelection().first, 1);
    QTest::keyClick(conv, Qt::Key_C, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::clipboard()->text(), conv->displayedText(1));

    // Copy message as Markdown: a heading with role and time, then the text.
    const QString created =
        test::sqlite3(path, QStringLiteral("SELECT created_at FROM messages WHERE id = %1;").arg(item1->id))
            .trimmed();
    conv->copyMessageAsMarkdown(1);
    QTRY_COMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("## %1 · %2\n\n%3").arg(item1->role, created, text1));

    // Keys move through the conversation; the wheel scrolls it.
    conv->setFocus();
    QTest::keyClick(conv, Qt::Key_Down);
    QCOMPARE(conv->currentRow(), 2);
    QTRY_COMPARE(page->detail()->messageId(), messages->messageIdAt(2));
    QTest::keyClick(conv, Qt::Key_PageDown);
    QVERIFY(conv->topRow() > 0 || conv->topOffset() > 0);
    QTest::keyClick(conv, Qt::Key_End);
    QTRY_VERIFY(conv->isAtBottom());
    QTest::keyClick(conv, Qt::Key_Home);
    QCOMPARE(conv->topRow(), 0);
    QWheelEvent wheel(QPointF(50, 50), conv->viewport()->mapToGlobal(QPointF(50, 50)), QPoint(),
                      QPoint(0, -240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(conv->viewport(), &wheel);
    QVERIFY(conv->topRow() > 0 || conv->topOffset() > 0);
    w.reportStalls();

    // The whole conversation as Markdown, every message under its heading.
    QSignalSpy copied(transcript, &ui::TranscriptView::conversationCopied);
    transcript->copyConversation();
    QTRY_COMPARE_WITH_TIMEOUT(copied.size(), 1, 60000);
    QVERIFY2(copied.first().at(0).toBool(), qPrintable(copied.first().at(2).toString()));
    QCOMPARE(copied.first().at(1).toLongLong(), qint64(64));
    {
        test::StallWatch::Pause reading; // the test reading 10 MB back is not the window's stall
        const QString all = QApplication::clipboard()->text();
        QCOMPARE(all.count(QStringLiteral("\n## ")), 64);
        QVERIFY(all.contains(QStringLiteral("مرحبا بك")));
        QVERIFY(all.contains(cjk));
        QVERIFY(all.contains(text1));
    }
    w.reportStalls();

    // A 10 MB message: clipped, then "Show all" lays it out whole without stalling the window.
    // (Scrolled to, not selected: the detail pane shows a selected message's whole text in a
    // QPlainTextEdit, which takes seconds for 10 MB; tst_browsemodels asserts it holds all of it.)
    conv->scrollToBottom();
    const int bigRow = 63;
    QTRY_COMPARE(messages->messageIdAt(bigRow), bigId);
    QTRY_VERIFY(conv->items()->itemById(bigId) != nullptr);
    auto big = conv->items()->itemById(bigId);
    QVERIFY(big->clipped);
    QCOMPARE(big->length, qint64(850000) * 12);
    QVERIFY(conv->displayedText(bigRow).size() <= 4000);
    QTRY_VERIFY(!conv->rowRect(bigRow).isEmpty());
    // Scrolled down to the end of the clipped text, where "Show all" is.
    conv->scrollBy(conv->rowRect(bigRow).bottom() - conv->viewport()->height() + 20);
    QTRY_VERIFY(!conv->rowRect(bigRow).isEmpty());
    const QRect link = conv->items()->showAllRect(*big).translated(conv->rowRect(bigRow).topLeft());
    QVERIFY(link.isValid());
    QVERIFY(conv->viewport()->rect().contains(link.center()));
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, link.center());
    QTRY_VERIFY_WITH_TIMEOUT(conv->items()->itemById(bigId) && conv->items()->itemById(bigId)->expanded,
                             180000);
    big = conv->items()->itemById(bigId);
    QVERIFY(!big->clipped);
    QVERIFY(conv->displayedText(bigRow).size() >= 850000 * 12 - 1);
    QVERIFY(big->height > 100 * conv->viewport()->height());
    // Reading on through it: pages of it laid out as they come on screen.
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(conv, Qt::Key_PageDown);
    conv->scrollToRow(bigRow, ui::ConversationView::ScrollHint::PositionAtTop);
    conv->scrollBy(big->height / 2);
    QCOMPARE(conv->topRow(), bigRow);
    conv->repaint();
    w.reportStalls();
    // Clicked: the message pane shows its first 100,000 characters and Copy all, without a stall.
    ui::MessageDetailPane *detail = w.conversations()->detail();
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, conv->viewport()->rect().center());
    QTRY_COMPARE(detail->messageId(), bigId);
    QTRY_VERIFY(detail->isClipped());
    QCOMPARE(detail->textEdit()->toPlainText().size(), ui::MessageDetailPane::kShownCharacters);
    detail->copyAll();
    QCOMPARE(QApplication::clipboard()->text().size(), qsizetype(850000) * 12);
    w.reportStalls();
}

// "Show all" on a long message, then "Show less" under it: a link like "Show all", no context menu;
// the row shrinks back to its clipped height and the reader's place holds ("Show all" comes where
// "Show less" was clicked).
void TestScenarioConversation::showAllThenShowLess()
{
    QSettings().remove(QStringLiteral("transcriptMode"));
    ui::SettingsWriter::flush();
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 2, 10);
    const QString sid =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1;")).trimmed();
    // 9,000 characters, then three short messages after it.
    test::sqlite3(path,
                  QStringLiteral("INSERT INTO messages(session_id, role, text, created_at) VALUES "
                                 "('%1', 'assistant', replace(hex(zeroblob(3000)), '00', 'ab ') || 'END', "
                                 "'2099-01-01T00:00:01.000Z'), "
                                 "('%1', 'user', 'one', '2099-01-01T00:00:02.000Z'), "
                                 "('%1', 'assistant', 'two', '2099-01-01T00:00:03.000Z'), "
                                 "('%1', 'user', 'three', '2099-01-01T00:00:04.000Z');")
                      .arg(sid));
    const qint64 longId =
        test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE text LIKE '%END';")).toLongLong();
    test::ScenarioWindow w(path);
    ui::ConversationsPage *page = w.conversations();
    ui::TranscriptView *transcript = page->transcript();
    ui::ConversationView *conv = transcript->conversation();
    ui::MessagesModel *messages = transcript->model();
    ui::SessionsPane *pane = page->sessions();
    QTRY_VERIFY(pane->model()->findSessionRow(sid) >= 0);
    test::ScenarioWindow::clickRow(pane->view(), pane->model()->findSessionRow(sid));
    QTRY_COMPARE(messages->sessionId(), sid);
    QTRY_COMPARE(messages->knownCount(), qint64(14));
    const int row = 10;
    QTRY_COMPARE(messages->messageIdAt(row), longId);
    QTRY_VERIFY(conv->items()->itemById(longId) != nullptr);
    auto item = conv->items()->itemById(longId);
    QVERIFY(item->clipped);
    QVERIFY(conv->items()->showLessRect(*item).isEmpty());
    const int vh = conv->viewport()->height();

    // "Show all" at the end of the clipped text.
    conv->scrollToRow(row, ui::ConversationView::ScrollHint::PositionAtTop);
    conv->scrollBy(conv->rowRect(row).bottom() - vh + 20);
    QVERIFY(!conv->rowRect(row).isEmpty());
    // Its clipped height just before the click, at the width the messages are laid out at: the
    // same all along (the scroll bar is always there, so rows arriving never narrow the text).
    item = conv->items()->itemById(longId);
    QVERIFY(item && item->clipped);
    const int clippedHeight = item->height;
    const int width = conv->viewport()->width();
    const QRect all = conv->items()->showAllRect(*item).translated(conv->rowRect(row).topLeft());
    QVERIFY(conv->viewport()->rect().contains(all.center()));
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, all.center());
    QTRY_VERIFY_WITH_TIMEOUT(conv->items()->itemById(longId) && conv->items()->itemById(longId)->expanded,
                             30000);
    item = conv->items()->itemById(longId);
    QVERIFY(item->height > clippedHeight + vh / 2);
    QVERIFY(conv->displayedText(row).endsWith(QStringLiteral("END")));

    // Read to its end: "Show less" is there, a link under the text.
    conv->scrollBy(conv->rowRect(row).bottom() - vh + 20);
    QVERIFY(conv->rowRect(row).top() < 0); // the message's top is far above
    const QRect less = conv->items()->showLessRect(*item).translated(conv->rowRect(row).topLeft());
    QVERIFY(less.isValid());
    QVERIFY(conv->viewport()->rect().contains(less.center()));
    QVERIFY(less.top() > conv->items()->bodyRect(*item).translated(conv->rowRect(row).topLeft()).bottom());
    {
        // Painted: the link's colour in its rectangle.
        const QImage shot = conv->viewport()->grab().toImage();
        const QColor link = conv->palette().color(QPalette::Link);
        int n = 0;
        for (int y = less.top(); y <= less.bottom(); ++y)
            for (int x = less.left(); x <= less.right(); ++x)
                n += qAbs(shot.pixelColor(x, y).blue() - link.blue()) < 40 &&
                             qAbs(shot.pixelColor(x, y).red() - link.red()) < 40
                         ? 1
                         : 0;
        QVERIFY2(n > 5, "the Show less link is not painted");
    }
    const qint64 below = messages->messageIdAt(row + 1);
    const int belowTop = conv->rowRect(row + 1).top();
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, less.center());

    // Clipped again, as tall as before; "Show all" where "Show less" was; the next message right
    // under it.
    item = conv->items()->itemById(longId);
    QVERIFY(item);
    QVERIFY(item->clipped && !item->expanded);
    QCOMPARE(conv->viewport()->width(), width);
    QCOMPARE(item->height, clippedHeight);
    QCOMPARE(conv->rowRect(row).height(), clippedHeight);
    const QRect again = conv->items()->showAllRect(*item).translated(conv->rowRect(row).topLeft());
    QCOMPARE(again.top(), less.top());
    QCOMPARE(messages->messageIdAt(row + 1), below);
    QCOMPARE(conv->rowRect(row + 1).top(), belowTop);
    QVERIFY(!conv->isRowExpanded(row));
    w.reportStalls();
}

// The conversation places its newest rows by the sessions list's count (no cold count first); a
// count that is off (rows written or deleted since the list counted) is corrected by the recount,
// with the newest message still last and the reader still at the bottom.
void TestScenarioConversation::aStaleListCountStillOpensAtTheNewest()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 2, 450);
    const QString sid =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1;")).trimmed();
    const QStringList newest =
        test::sqlite3(path,
                      QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' ORDER BY created_at "
                                     "DESC, id DESC LIMIT 2;")
                          .arg(sid))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(newest.size(), 2);
    test::ScenarioWindow w(path);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    QCOMPARE(transcript->mode(), ui::TranscriptView::Mode::Conversation);
    ui::MessagesModel *messages = transcript->model();
    ui::ConversationView *conv = transcript->conversation();
    for (const qint64 hint : {qint64(440), qint64(460), qint64(450)}) {
        transcript->setSession(sid, QStringLiteral("hinted"), hint);
        QTRY_COMPARE(messages->knownCount(), qint64(450));
        QTRY_COMPARE(messages->messageIdAt(449), newest.at(0).toLongLong());
        QTRY_COMPARE(messages->messageIdAt(448), newest.at(1).toLongLong());
        QTRY_VERIFY(conv->isAtBottom());
        QTRY_VERIFY(!conv->visibleRows().isEmpty());
        QCOMPARE(conv->visibleRows().last().first, 449);
        // No message shown twice where the hint first put the rows.
        QSet<qint64> seen;
        for (int r = 250; r < 450; ++r) {
            const qint64 id = messages->messageIdAt(r);
            QVERIFY2(id < 0 || !seen.contains(id),
                     qPrintable(QStringLiteral("hint %1, row %2").arg(hint).arg(r)));
            seen.insert(id);
        }
    }
}

void TestScenarioConversation::anEmptyConversationTakesEveryKey()
{
    // A session that has no message yet (a chat just started): its conversation is empty, and every
    // key a reader presses there must do nothing rather than move to a row that is not there (Up and
    // Down once asserted in qBound with max < min; the monkey found it).
    QSettings().remove(QStringLiteral("transcriptMode"));
    ui::SettingsWriter::flush();
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 5);
    test::sqlite3(path, QStringLiteral("INSERT INTO sessions(id, name, created_at, updated_at) VALUES "
                                       "('empty', 'Nothing said yet', '2099-01-01T00:00:00Z', "
                                       "'2099-01-01T00:00:00Z');"));

    // Nothing asks a model for an invalid index's data and is warned about it (Qt 6.4's Ctrl+C in
    // a grid with no current row did).
    QTest::failOnWarning(QRegularExpression(QStringLiteral("is not valid \\(expected valid\\)")));
    test::ScenarioWindow w(path);
    ui::ConversationsPage *page = w.conversations();
    ui::TranscriptView *transcript = page->transcript();
    ui::ConversationView *conv = transcript->conversation();
    ui::MessagesModel *messages = transcript->model();
    QCOMPARE(transcript->mode(), ui::TranscriptView::Mode::Conversation);
    ui::SessionsPane *pane = page->sessions();
    QTRY_VERIFY(pane->model()->findSessionRow(QStringLiteral("empty")) >= 0);
    test::ScenarioWindow::clickRow(pane->view(), pane->model()->findSessionRow(QStringLiteral("empty")));
    QTRY_COMPARE(messages->sessionId(), QStringLiteral("empty"));
    QTRY_COMPARE(messages->knownCount(), qint64(0));
    QCOMPARE(messages->rowCount(), 0);
    QVERIFY(conv->isVisible());

    conv->setFocus();
    const Qt::Key keys[] = {Qt::Key_Up,     Qt::Key_Down, Qt::Key_PageUp, Qt::Key_PageDown, Qt::Key_Space,
                            Qt::Key_Home,   Qt::Key_End,  Qt::Key_Down,   Qt::Key_Up,       Qt::Key_Return,
                            Qt::Key_Escape, Qt::Key_Left, Qt::Key_Right};
    for (Qt::Key key : keys)
        QTest::keyClick(conv, key);
    QTest::keyClick(conv, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(conv, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(conv, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(conv->currentRow(), -1);
    QVERIFY(conv->selectedRows().isEmpty());

    // Clicks, a double click, a drag and the context menu on the empty page (the menu is closed by
    // the scenario's modal answerer).
    const QPoint middle = conv->viewport()->rect().center();
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, middle);
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::ShiftModifier, middle);
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::ControlModifier, middle);
    QTest::mouseDClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, middle);
    QTest::mousePress(conv->viewport(), Qt::LeftButton, Qt::NoModifier, middle);
    QTest::mouseMove(conv->viewport(), middle + QPoint(40, 300));
    QTest::mouseRelease(conv->viewport(), Qt::LeftButton, Qt::NoModifier, middle + QPoint(40, 300));
    QContextMenuEvent menu(QContextMenuEvent::Mouse, middle, conv->viewport()->mapToGlobal(middle));
    QApplication::sendEvent(conv->viewport(), &menu);
    QCOMPARE(conv->currentRow(), -1);
    QVERIFY(conv->visibleRows().isEmpty());

    // And the grid of the same empty session, and back.
    button(transcript, QStringLiteral("Grid"))->click();
    transcript->view()->setFocus();
    QVERIFY(!transcript->view()->currentIndex().isValid());
    QTest::keyClick(transcript->view(), Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(transcript->view(), Qt::Key_Down);
    QTest::keyClick(transcript->view(), Qt::Key_Up);
    button(transcript, QStringLiteral("Conversation"))->click();
    QTest::keyClick(conv, Qt::Key_Up);
    QCOMPARE(conv->currentRow(), -1);

    // Another session still opens and reads after all that.
    const QString other =
        test::sqlite3(path,
                      QStringLiteral("SELECT id FROM sessions WHERE id <> 'empty' ORDER BY rowid LIMIT 1;"))
            .trimmed();
    test::ScenarioWindow::clickRow(pane->view(), pane->model()->findSessionRow(other));
    QTRY_COMPARE(messages->sessionId(), other);
    QTRY_VERIFY(messages->knownCount() > 0);
    conv->setFocus();
    QTest::keyClick(conv, Qt::Key_Down);
    QTRY_VERIFY(conv->currentRow() >= 0);
}

QTEST_MAIN(TestScenarioConversation)
#include "tst_scenario_conversation.moc"
