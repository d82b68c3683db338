// Scenario: a person reading a session the backend keeps writing to, in the real MainWindow, with
// the sqlite3 tool appending as a second process: at the newest message the view follows; scrolled
// up nothing moves and a "N new messages" marker counts what came, and takes them down. And Ctrl+F
// inside the conversation: "k of n" counted in the session, Enter/Shift+Enter/F3 moving and
// wrapping, the text highlighted; Ctrl+F elsewhere opens the search of all messages.
#include "browse/browserwidget.h"
#include "browse/conversationhighlighter.h"
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/dataversionwatcher.h"
#include "browse/findbar.h"
#include "browse/livefollower.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchhitdelegate.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "translations.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace kalito;

class TestScenarioLive : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void atTheNewestMessageTheViewFollows_data() { modes(); }
    void atTheNewestMessageTheViewFollows();
    void scrolledUpNothingMovesAndTheMarkerCounts_data() { modes(); }
    void scrolledUpNothingMovesAndTheMarkerCounts();
    void aFastWriterNeverBlanksWhatIsShown();
    void findInTheConversation_data() { modes(); }
    void findInTheConversation();
    void ctrlFElsewhereOpensTheSearch();

private:
    // Each test runs in the conversation (the default) and in the grid.
    static void modes();
    static void setMode(ui::TranscriptView *t);
    static void append(const QString &path, const QString &sessionId, int n, const QString &word = QString());
    static QList<qint64> idsInOrder(const QString &path, const QString &sessionId);
    // What the reader sees at the top of the view: the message and how much of it is scrolled off.
    static QPair<qint64, int> topMessage(ui::TranscriptView *t);
    // Pixels of a search hit's yellow in a rectangle of a widget.
    static int yellowPixels(QWidget *widget, const QRect &rect);
    // Messages on screen in the conversation shown as grey "…" placeholders (their rows not held).
    static int placeholdersOnScreen(ui::TranscriptView *t);
};

void TestScenarioLive::initTestCase()
{
    // As app/main.cpp does: the English plural forms ("1 new message", "4 new messages").
    ui::Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestScenarioLive::append(const QString &path, const QString &sessionId, int n, const QString &word)
{
    // A second process commits; the window learns of it through its data_version poll.
    test::sqlite3(
        path, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2) "
                             "INSERT INTO messages(session_id, role, text, created_at) SELECT '%1', "
                             "'assistant', 'appended %3 ' || i, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', "
                             "'+1 year', '+' || i || ' seconds') FROM n;")
                  .arg(sessionId)
                  .arg(n)
                  .arg(word));
}

QList<qint64> TestScenarioLive::idsInOrder(const QString &path, const QString &sessionId)
{
    QList<qint64> ids;
    const QString out = test::sqlite3(
        path, QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' ORDER BY created_at, id;")
                  .arg(sessionId));
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        ids << line.toLongLong();
    return ids;
}

void TestScenarioLive::modes()
{
    QTest::addColumn<bool>("grid");
    QTest::newRow("conversation") << false;
    QTest::newRow("grid") << true;
}

void TestScenarioLive::setMode(ui::TranscriptView *t)
{
    QFETCH(bool, grid);
    t->setMode(grid ? ui::TranscriptView::Mode::Grid : ui::TranscriptView::Mode::Conversation);
}

QPair<qint64, int> TestScenarioLive::topMessage(ui::TranscriptView *t)
{
    if (t->mode() == ui::TranscriptView::Mode::Grid)
        return {t->model()->messageIdAt(t->view()->rowAt(0)),
                t->view()->rowViewportPosition(t->view()->rowAt(0))};
    return {t->model()->messageIdAt(t->conversation()->topRow()), t->conversation()->topOffset()};
}

int TestScenarioLive::yellowPixels(QWidget *widget, const QRect &rect)
{
    const QImage image = widget->grab().toImage();
    int n = 0;
    for (int y = qMax(0, rect.top()); y <= qMin(image.height() - 1, rect.bottom()); ++y) {
        for (int x = qMax(0, rect.left()); x <= qMin(image.width() - 1, rect.right()); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 180 && c.green() > 140 && c.blue() < 110 ? 1 : 0;
        }
    }
    return n;
}

void TestScenarioLive::atTheNewestMessageTheViewFollows()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 300);
    test::ScenarioWindow w(path);
    ui::TranscriptView *t = w.conversations()->transcript();
    setMode(t);
    const QString sid = t->model()->sessionId();
    QTRY_COMPARE(t->model()->knownCount(), qint64(300));
    const QList<qint64> before = idsInOrder(path, sid);
    if (t->mode() == ui::TranscriptView::Mode::Conversation) {
        // A click on the session opens it at its newest message, no jump asked for.
        ui::SessionsPane *sessions = w.conversations()->sessions();
        const int row = sessions->model()->findSessionRow(sid);
        test::ScenarioWindow::clickRow(sessions->view(), row == 0 ? 1 : 0);
        QTRY_VERIFY(t->model()->sessionId() != sid);
        QTRY_VERIFY(t->model()->knownCount() > 0);
        test::ScenarioWindow::clickRow(sessions->view(), sessions->model()->findSessionRow(sid));
        QTRY_COMPARE(t->model()->sessionId(), sid);
        QTRY_COMPARE(t->model()->knownCount(), qint64(300));
        QTRY_COMPARE(t->model()->messageIdAt(299), before.last());
        QTRY_VERIFY(t->conversation()->items()->item(299) != nullptr);
        QVERIFY(t->isAtEnd());
        QCOMPARE(t->conversation()->visibleRows().last().first, 299);
    } else {
        t->jumpToEnd(); // the grid opens at its first row
    }
    QTRY_COMPARE(t->model()->messageIdAt(299), before.last());
    QTRY_VERIFY(t->isAtEnd());
    for (int round = 1; round <= 3; ++round) {
        append(path, sid, 2 * round);
        const QList<qint64> ids = idsInOrder(path, sid);
        QTRY_COMPARE_WITH_TIMEOUT(t->model()->knownCount(), qint64(ids.size()), 10000);
        // The new messages are shown below and the view is at them.
        QTRY_COMPARE(t->model()->messageIdAt(int(ids.size()) - 1), ids.last());
        QTRY_VERIFY(t->isAtEnd());
        if (t->mode() == ui::TranscriptView::Mode::Conversation)
            QTRY_VERIFY(t->conversation()->isAtBottom()); // there, not only on its way
        QVERIFY(!t->follower()->marker()->isVisible());
        QCOMPARE(t->follower()->unseen(), 0);
    }
    w.reportStalls();
}

void TestScenarioLive::scrolledUpNothingMovesAndTheMarkerCounts()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 300);
    test::ScenarioWindow w(path);
    ui::TranscriptView *t = w.conversations()->transcript();
    setMode(t);
    const QString sid = t->model()->sessionId();
    QTRY_COMPARE(t->model()->knownCount(), qint64(300));
    t->jumpToEnd();
    QTRY_VERIFY(t->isAtEnd());
    // The reader goes up to read older messages.
    const QList<qint64> ids = idsInOrder(path, sid);
    t->showMessage(ids.at(120));
    QTRY_COMPARE(t->model()->messageIdAt(t->view()->currentIndex().row()), ids.at(120));
    QTRY_VERIFY(!t->isAtEnd());
    const QPair<qint64, int> top = topMessage(t);
    QVERIFY(top.first > 0);
    QSignalSpy counted(t->model(), &ui::PagedModel::countChanged);
    append(path, sid, 4);
    QTRY_COMPARE_WITH_TIMEOUT(t->model()->knownCount(), qint64(304), 10000);
    QToolButton *marker = t->follower()->marker();
    QTRY_VERIFY(marker->isVisible());
    QCOMPARE(marker->text(), QStringLiteral("4 new messages ↓"));
    // Nothing moved under the reader: the same message at the top, the same one current.
    QCOMPARE(topMessage(t), top);
    QCOMPARE(t->model()->messageIdAt(t->view()->currentIndex().row()), ids.at(120));
    append(path, sid, 1);
    QTRY_COMPARE_WITH_TIMEOUT(t->model()->knownCount(), qint64(305), 10000);
    QTRY_COMPARE(marker->text(), QStringLiteral("5 new messages ↓"));
    QCOMPARE(topMessage(t), top);
    // The marker sits over the bottom of the view, and a click takes the reader down.
    QVERIFY(marker->geometry().bottom() <= marker->parentWidget()->height());
    QVERIFY(marker->geometry().top() > marker->parentWidget()->height() / 2);
    QTest::mouseClick(marker, Qt::LeftButton);
    const QList<qint64> now = idsInOrder(path, sid);
    QTRY_COMPARE(t->model()->messageIdAt(304), now.last());
    QTRY_VERIFY(t->isAtEnd());
    QVERIFY(!marker->isVisible());
    // From there on it follows again.
    append(path, sid, 2);
    QTRY_COMPARE_WITH_TIMEOUT(t->model()->knownCount(), qint64(307), 10000);
    QTRY_COMPARE(t->model()->messageIdAt(306), idsInOrder(path, sid).last());
    QTRY_VERIFY(t->isAtEnd());
    QVERIFY(!marker->isVisible());
    w.reportStalls();
}

int TestScenarioLive::placeholdersOnScreen(ui::TranscriptView *t)
{
    int n = 0;
    const auto rows = t->conversation()->visibleRows();
    for (const auto &row : rows)
        n += t->model()->cachedRow(row.first) ? 0 : 1;
    return n;
}

void TestScenarioLive::aFastWriterNeverBlanksWhatIsShown()
{
    // A writer far faster than a real backend (300 messages a commit, as fast as the sqlite3 tool
    // commits): the rows on screen stay on screen until their replacements arrive, at the bottom
    // following the writer and after a jump to thousands of new messages.
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 300);
    test::ScenarioWindow w(path);
    ui::TranscriptView *t = w.conversations()->transcript();
    t->setMode(ui::TranscriptView::Mode::Conversation);
    const QString sid = t->model()->sessionId();
    QTRY_COMPARE(t->model()->knownCount(), qint64(300));
    QTRY_VERIFY(t->conversation()->isAtBottom());
    QTRY_COMPARE(placeholdersOnScreen(t), 0);
    test::SqliteProcess writer(path);
    QVERIFY(writer.start());
    const QString insert =
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
            "INSERT INTO messages(session_id, role, text, created_at) SELECT '%1', 'assistant', "
            "'fast ' || i, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 year', '+' || i || ' seconds') "
            "FROM n;")
            .arg(sid);
    // Writes for `ms`, looking at the screen after every event the window handled; returns how
    // many looks saw a placeholder, and the worst of them in *worst.
    const auto writeAndWatch = [&](int ms, int *worst) {
        int blank = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            writer.exec(insert);
            QElapsedTimer slice;
            slice.start();
            while (slice.elapsed() < 20) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                const int shown = placeholdersOnScreen(t);
                blank += shown > 0 ? 1 : 0;
                *worst = qMax(*worst, shown);
            }
        }
        return blank;
    };
    int worst = 0;
    const qint64 before = t->model()->knownCount();
    QCOMPARE(writeAndWatch(3000, &worst), 0);
    QCOMPARE(worst, 0);
    // It followed the writer: thousands of messages came, and the view is at the newest of them.
    QTRY_VERIFY_WITH_TIMEOUT(t->model()->knownCount() >= before + 3000, 10000);
    const QList<qint64> ids = idsInOrder(path, sid);
    QTRY_COMPARE_WITH_TIMEOUT(t->model()->knownCount(), qint64(ids.size()), 10000);
    QTRY_COMPARE(t->model()->messageIdAt(int(ids.size()) - 1), ids.last());
    QTRY_VERIFY(t->conversation()->isAtBottom());
    QVERIFY(!t->follower()->marker()->isVisible());

    // The reader goes up; thousands come meanwhile; the marker takes the reader down while the
    // writer goes on, and nothing on screen turns into placeholders on the way.
    t->showMessage(ids.at(100));
    QTRY_COMPARE(t->model()->messageIdAt(t->view()->currentIndex().row()), ids.at(100));
    QTRY_COMPARE(placeholdersOnScreen(t), 0);
    for (int i = 0; i < 10; ++i)
        writer.exec(insert);
    QToolButton *marker = t->follower()->marker();
    QTRY_VERIFY_WITH_TIMEOUT(marker->isVisible(), 10000);
    QTest::mouseClick(marker, Qt::LeftButton);
    QCOMPARE(writeAndWatch(1500, &worst), 0);
    QCOMPARE(worst, 0);
    const QList<qint64> now = idsInOrder(path, sid);
    QTRY_COMPARE_WITH_TIMEOUT(t->model()->knownCount(), qint64(now.size()), 10000);
    QTRY_COMPARE(t->model()->messageIdAt(int(now.size()) - 1), now.last());
    QTRY_VERIFY(t->conversation()->isAtBottom());
    QCOMPARE(placeholdersOnScreen(t), 0);
    writer.stop();
    w.reportStalls();
}

void TestScenarioLive::findInTheConversation()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 400);
    test::ScenarioWindow w(path);
    ui::TranscriptView *t = w.conversations()->transcript();
    setMode(t);
    const QString sid = t->model()->sessionId();
    QTRY_COMPARE(t->model()->knownCount(), qint64(400));
    // The word in five messages of this session (one with it twice, one in capitals) and in
    // another session, which the count must not include.
    const QString other = test::sqlite3(
        path, QStringLiteral("SELECT id FROM sessions WHERE id <> '%1' ORDER BY rowid LIMIT 1;").arg(sid));
    test::sqlite3(path,
                  QStringLiteral("UPDATE messages SET text = text || ' the Quetzal flew, quetzal again' "
                                 "WHERE id IN (SELECT id FROM messages WHERE session_id = '%1' "
                                 "ORDER BY created_at, id LIMIT 4 OFFSET 10);"
                                 "UPDATE messages SET text = 'QUETZAL!' WHERE id = (SELECT id FROM messages "
                                 "WHERE session_id = '%1' ORDER BY created_at, id LIMIT 1 OFFSET 350);"
                                 "UPDATE messages SET text = 'quetzal elsewhere' WHERE session_id = '%2';")
                      .arg(sid, other));
    const QStringList hitText =
        test::sqlite3(path, QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' AND text LIKE "
                                           "'%quetzal%' ORDER BY created_at, id;")
                                .arg(sid))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(hitText.size(), 5);
    QList<qint64> hits;
    for (const QString &s : hitText)
        hits << s.toLongLong();

    // Ctrl+F with the focus in the conversation opens its find bar, not the dock.
    QWidget *shown =
        t->mode() == ui::TranscriptView::Mode::Grid ? static_cast<QWidget *>(t->view()) : t->conversation();
    if (t->mode() == ui::TranscriptView::Mode::Grid) {
        test::ScenarioWindow::clickRow(t->view(), 0, 0);
        QTRY_VERIFY(t->model()->cachedRow(0) != nullptr); // the reader sees the row before searching from it
    } else {
        // The conversation opened at its newest message: the reader clicks the one at the bottom
        // (the find then goes to the newest match, above it).
        QTRY_VERIFY(!t->conversation()->visibleRows().isEmpty());
        const QRect last =
            t->conversation()->visibleRows().last().second.intersected(t->conversation()->viewport()->rect());
        QTest::mouseClick(t->conversation()->viewport(), Qt::LeftButton, Qt::NoModifier, last.center());
    }
    QTRY_VERIFY(shown->hasFocus());
    QTest::keyClick(shown, Qt::Key_F, Qt::ControlModifier);
    ui::FindBar *bar = t->findBar();
    QTRY_VERIFY(bar->isVisible());
    QTRY_VERIFY(bar->edit()->hasFocus());
    QVERIFY(!w.window()->searchDock()->isVisible());
    QSignalSpy done(bar, &ui::FindBar::finished);
    test::ScenarioWindow::typeText(bar->edit(), QStringLiteral("quetzal"));
    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(done.size() >= 1 && !bar->isRunning(), 20000);
    // The find starts where the reader is and goes to the nearest match at or above it, as a
    // chat's find does (issue 20): from the first row (grid) that is the first match below it;
    // from the newest message (conversation) the newest match, not the oldest.
    const int s = t->mode() == ui::TranscriptView::Mode::Grid ? 0 : 4;
    const auto label = [](int i, int n = 5) { return QStringLiteral("%1 of %2 messages").arg(i + 1).arg(n); };
    QTRY_COMPARE(bar->countLabel()->text(), label(s)); // counted over the whole session, not what is loaded
    auto current = [t] { return t->model()->messageIdAt(t->view()->currentIndex().row()); };
    QTRY_COMPARE(current(), hits.at(s));
    ui::MessageDetailPane *detail = w.conversations()->detail();
    QTRY_COMPARE(detail->messageId(), hits.at(s));
    QTRY_COMPARE(detail->highlightCount(), s == 4 ? 1 : 2); // every occurrence, whatever their case
    QCOMPARE(t->highlight(), QStringLiteral("quetzal"));
    // Enter goes on to older matches, Shift+Enter back to newer; F3 and Shift+F3 the same; both wrap.
    const auto older = [s](int by) { return ((s - by) % 5 + 5) % 5; };
    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QTRY_COMPARE(current(), hits.at(older(1)));
    QCOMPARE(bar->countLabel()->text(), label(older(1)));
    QTest::keyClick(bar->edit(), Qt::Key_Return, Qt::ShiftModifier);
    QTRY_COMPARE(current(), hits.at(s));
    QTest::keyClick(bar->edit(), Qt::Key_Return, Qt::ShiftModifier);
    QTRY_COMPARE(current(), hits.at(older(-1)));
    QCOMPARE(bar->countLabel()->text(), label(older(-1)));
    QTRY_COMPARE(detail->messageId(), hits.at(older(-1)));
    QTest::keyClick(bar->edit(), Qt::Key_F3);
    QTRY_COMPARE(current(), hits.at(s));
    QCOMPARE(bar->countLabel()->text(), label(s));
    shown->setFocus();
    QTest::keyClick(shown, Qt::Key_F3);
    QTRY_COMPARE(current(), hits.at(older(1)));
    QTest::keyClick(shown, Qt::Key_F3, Qt::ShiftModifier);
    QTRY_COMPARE(current(), hits.at(s));
    QTest::keyClick(shown, Qt::Key_F3, Qt::ShiftModifier);
    QTRY_COMPARE(current(), hits.at(older(-1)));
    QTest::keyClick(shown, Qt::Key_F3);
    QTRY_COMPARE(current(), hits.at(s));
    if (s != 4) { // the grid: on to the message in capitals (the newest match, one older than the first)
        QTest::keyClick(shown, Qt::Key_F3);
        QTRY_COMPARE(current(), hits.at(4));
    }
    QTRY_COMPARE(detail->messageId(), hits.at(4));
    QTRY_COMPARE(detail->highlightCount(), 1);
    // The hit ('QUETZAL!', the whole text) is painted highlighted in the view.
    if (t->mode() == ui::TranscriptView::Mode::Grid) {
        const QRect cell = t->view()->visualRect(
            t->model()->index(t->view()->currentIndex().row(), ui::MessagesModel::Text));
        QTRY_VERIFY2(yellowPixels(t->view()->viewport(), cell) > 10, "no highlight in the grid's cell");
    } else {
        ui::ConversationView *c = t->conversation();
        QTRY_COMPARE(t->conversationHighlighter()->rangesOf(hits.at(4)), (QList<QPair<int, int>>{{0, 7}}));
        const int row = t->view()->currentIndex().row();
        QTRY_VERIFY(!c->rowRect(row).isEmpty());
        QCOMPARE(c->displayedText(row).mid(0, 7), QStringLiteral("QUETZAL"));
        QTRY_VERIFY2(yellowPixels(c->viewport(), c->rowRect(row)) > 10, "no highlight in the message");
    }
    // The backend appends a message with the word: the count follows, the place stays.
    append(path, sid, 1, QStringLiteral("quetzal"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->countLabel()->text(), label(4, 6), 10000);
    // No match: said so.
    bar->edit()->selectAll();
    test::ScenarioWindow::typeText(bar->edit(), QStringLiteral("zzzqqq"));
    QTest::keyClick(bar->edit(), Qt::Key_Return);
    QTRY_COMPARE(bar->countLabel()->text(), QStringLiteral("No matches"));
    // Escape closes the bar and the highlight goes.
    QTest::keyClick(bar->edit(), Qt::Key_Escape);
    QTRY_VERIFY(!bar->isVisible());
    QCOMPARE(t->highlight(), QString());
    QTRY_COMPARE(detail->highlightCount(), 0);
    w.reportStalls();
}

void TestScenarioLive::ctrlFElsewhereOpensTheSearch()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 20);
    test::ScenarioWindow w(path);
    ui::SessionsPane *sessions = w.conversations()->sessions();
    test::ScenarioWindow::clickRow(sessions->view(), 0);
    QTRY_VERIFY(sessions->view()->hasFocus());
    QTest::keyClick(sessions->view(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(w.window()->searchDock()->isVisible());
    QVERIFY(!w.conversations()->transcript()->findBar()->isVisible());
    QTRY_VERIFY(w.window()->searchDock()->findChild<QLineEdit *>()->hasFocus());
}

QTEST_MAIN(TestScenarioLive)
#include "tst_scenario_live.moc"
