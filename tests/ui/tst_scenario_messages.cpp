// Scenario: a person reading a transcript in the real MainWindow: a long message opened in full,
// a pin and a summary followed to their messages, the headers clicked, and the end of a session
// that the backend keeps appending to, where no row may move under the reader.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/dataversionwatcher.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/notesmodel.h"
#include "browse/notespane.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "settingswriter.h"
#include "testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace kalito;

class TestScenarioMessages : public QObject
{
    Q_OBJECT
private slots:
    void aLongMessageShowsItsBeginningAndCopiesWhole();
    void theMessageHeaderCountsAsAReaderDoes();
    void aPinAndASummaryLeadToTheirMessages();
    void transcriptAndNotesHeadersClickedTwice();
    void rowsStayInPlaceWhileTheBackendAppends();

private:
    static QToolButton *button(QWidget *parent, const QString &text);
    static QList<qint64> idsInOrder(const QString &path, const QString &sessionId);
};

QToolButton *TestScenarioMessages::button(QWidget *parent, const QString &text)
{
    for (QToolButton *b : parent->findChildren<QToolButton *>()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QList<qint64> TestScenarioMessages::idsInOrder(const QString &path, const QString &sessionId)
{
    QList<qint64> ids;
    const QString out = test::sqlite3(
        path, QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' ORDER BY created_at, id;")
                  .arg(sessionId));
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        ids << line.toLongLong();
    return ids;
}

void TestScenarioMessages::aLongMessageShowsItsBeginningAndCopiesWhole()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 6, 30);
    // 200,000 characters of markup and lines, the newest message of the newest session.
    test::sqlite3(path, QStringLiteral("INSERT INTO messages(session_id, role, text, created_at) VALUES ("
                                       "(SELECT id FROM sessions ORDER BY rowid DESC LIMIT 1), 'assistant', "
                                       "'<b>long</b>' || char(10) || printf('%.*c', 200000, 'y') || 'END', "
                                       "'2099-01-01T00:00:00.000Z');"));
    const qint64 longId = test::sqlite3(path, QStringLiteral("SELECT max(id) FROM messages;")).toLongLong();
    test::ScenarioWindow w(path);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    transcript->setMode(ui::TranscriptView::Mode::Grid); // this test reads and clicks the grid
    ui::MessagesModel *messages = transcript->model();
    QTRY_COMPARE(messages->knownCount(), qint64(31));
    button(transcript, QStringLiteral("Last"))->click();
    QTRY_COMPARE(messages->messageIdAt(30), longId);
    QVERIFY(messages->index(30, ui::MessagesModel::Text)
                .data()
                .toString()
                .contains(QStringLiteral("characters")));
    test::ScenarioWindow::clickRow(transcript->view(), 30, ui::MessagesModel::Text);
    ui::MessageDetailPane *detail = w.conversations()->detail();
    QTRY_COMPARE(detail->messageId(), longId);
    // The pane lays out the first 100,000 characters (a 200,000-character line took the GUI thread
    // 54-106 ms); Copy all gives the whole text.
    QTRY_VERIFY(detail->isClipped());
    const QString shown = detail->textEdit()->toPlainText();
    QVERIFY(shown.startsWith(QStringLiteral("<b>long</b>\n"))); // plain text, never rendered
    QCOMPARE(shown.size(), ui::MessageDetailPane::kShownCharacters);
    detail->copyAll();
    const QString all = QApplication::clipboard()->text();
    QCOMPARE(all.size(), 200000 + 15);
    QVERIFY(all.endsWith(QStringLiteral("END")));
    // Back to the first message with the other button, and the keyboard moves on from there.
    button(transcript, QStringLiteral("First"))->click();
    test::ScenarioWindow::clickRow(transcript->view(), 0, ui::MessagesModel::Text);
    QTRY_COMPARE(detail->messageId(), messages->messageIdAt(0));
    QTest::keyClick(transcript->view(), Qt::Key_Down);
    QTRY_COMPARE(detail->messageId(), messages->messageIdAt(1));
}

void TestScenarioMessages::theMessageHeaderCountsAsAReaderDoes()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 2, 4);
    // An emoji (two UTF-16 units, one character) and an importance computed as 0.3 + 0.62.
    test::sqlite3(path,
                  QStringLiteral("INSERT INTO messages(session_id, role, text, model_id, token_usage, "
                                 "importance_score, created_at) VALUES ((SELECT id FROM sessions ORDER BY "
                                 "rowid DESC LIMIT 1), 'assistant', 'You''re welcome! 😊', 'mistral:7b', 9, "
                                 "0.3 + 0.62, '2099-01-01T00:00:00.000Z');"));
    QCOMPARE(
        test::sqlite3(path, QStringLiteral("SELECT length(text) FROM messages ORDER BY id DESC LIMIT 1;")),
        QStringLiteral("17"));
    test::ScenarioWindow w(path);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    transcript->setMode(ui::TranscriptView::Mode::Grid); // this test reads and clicks the grid
    QTRY_COMPARE(transcript->model()->knownCount(), qint64(5));
    QTRY_VERIFY(transcript->model()->messageIdAt(4) > 0);
    test::ScenarioWindow::clickRow(transcript->view(), 4, ui::MessagesModel::Text);
    ui::MessageDetailPane *detail = w.conversations()->detail();
    QTRY_VERIFY(detail->textEdit()->toPlainText().endsWith(QStringLiteral("😊")));
    QString header;
    for (QLabel *l : detail->findChildren<QLabel *>())
        header += l->text();
    QVERIFY2(header.contains(QStringLiteral("17 character")), qPrintable(header));
    QVERIFY2(header.contains(QStringLiteral("importance 0.92")), qPrintable(header));
    QVERIFY2(!header.contains(QStringLiteral("0.9199")), qPrintable(header));
    QVERIFY2(header.contains(QStringLiteral("9 token")), qPrintable(header));
    QVERIFY2(!header.contains(QStringLiteral("importance_score")), qPrintable(header));
}

void TestScenarioMessages::aPinAndASummaryLeadToTheirMessages()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 12, 45);
    const QString sid = test::sqlite3(
        path, QStringLiteral("SELECT s.id FROM sessions s WHERE EXISTS (SELECT 1 FROM semantic_pins p WHERE "
                             "p.session_id = s.id) AND EXISTS (SELECT 1 FROM conversation_summaries c WHERE "
                             "c.session_id = s.id) ORDER BY s.rowid LIMIT 1;"));
    QVERIFY(!sid.isEmpty());
    test::ScenarioWindow w(path);
    ui::SessionsPane *sessions = w.conversations()->sessions();
    QTRY_VERIFY(sessions->model()->findSessionRow(sid) >= 0);
    test::ScenarioWindow::clickRow(sessions->view(), sessions->model()->findSessionRow(sid));
    QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), sid);
    ui::NotesPane *notes = w.conversations()->notes();
    // The notes shown are this session's (not those of the session open before).
    QStringList expectedTargets =
        test::sqlite3(path,
                      QStringLiteral("SELECT source_message_id FROM semantic_pins WHERE session_id = '%1' "
                                     "UNION ALL SELECT start_message_id FROM conversation_summaries "
                                     "WHERE session_id = '%1';")
                          .arg(sid))
            .split(QLatin1Char('\n'));
    expectedTargets.sort();
    auto shownTargets = [notes] {
        QStringList t;
        for (int r = 0; r < notes->model()->rowCount(); ++r)
            t << notes->model()->index(r, 0).data(ui::NotesModel::SourceMessageRole).toString();
        t.sort();
        return t;
    };
    QTRY_COMPARE(shownTargets(), expectedTargets);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    ui::MessageDetailPane *detail = w.conversations()->detail();
    bool sawPin = false;
    bool sawSummary = false;
    for (int row = 0; row < notes->model()->rowCount(); ++row) {
        const QString kind = notes->model()->index(row, ui::NotesModel::Kind).data().toString().toLower();
        const qint64 target =
            notes->model()->index(row, 0).data(ui::NotesModel::SourceMessageRole).toLongLong();
        if (target <= 0)
            continue;
        test::ScenarioWindow::clickRow(notes->view(), row, ui::NotesModel::Text);
        // The transcript selects the message and the detail pane shows it in full.
        QTRY_COMPARE(transcript->model()->messageIdAt(transcript->view()->currentIndex().row()), target);
        QTRY_COMPARE(detail->messageId(), target);
        const QString full =
            test::sqlite3(path, QStringLiteral("SELECT text FROM messages WHERE id = %1;").arg(target));
        QTRY_COMPARE(detail->textEdit()->toPlainText().trimmed(), full);
        sawPin = sawPin || kind.contains(QStringLiteral("pin"));
        sawSummary = sawSummary || kind.contains(QStringLiteral("summar"));
    }
    QVERIFY(sawPin);
    QVERIFY(sawSummary);
}

void TestScenarioMessages::transcriptAndNotesHeadersClickedTwice()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 4, 60);
    test::ScenarioWindow w(path);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    transcript->setMode(ui::TranscriptView::Mode::Grid); // this test reads and clicks the grid
    ui::MessagesModel *messages = transcript->model();
    QTRY_COMPARE(messages->knownCount(), qint64(60));
    QTRY_VERIFY(messages->messageIdAt(0) > 0);
    const QList<qint64> expected = idsInOrder(path, messages->sessionId());
    for (QTableView *view : {transcript->view(), w.conversations()->notes()->view()}) {
        for (int c = 0; c < view->model()->columnCount(); ++c) {
            test::ScenarioWindow::clickHeader(view, c);
            test::ScenarioWindow::clickHeader(view, c);
        }
    }
    // Time passing is the behaviour: nothing may change after the clicks. The transcript keeps its
    // order (oldest first): a click on a header changes nothing.
    QTest::qWait(100);
    for (int r = 0; r < 20; ++r)
        QTRY_COMPARE(messages->messageIdAt(r), expected.at(r));
    test::ScenarioWindow::clickRow(transcript->view(), 3, ui::MessagesModel::Text);
    QTRY_COMPARE(w.conversations()->detail()->messageId(), expected.at(3));
}

void TestScenarioMessages::rowsStayInPlaceWhileTheBackendAppends()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 1000);
    // The grid, which opens at the first row: the last page is read only when Last is clicked,
    // after the rows below were appended. (The conversation opens at the last page.)
    QSettings().setValue(QStringLiteral("transcriptMode"), QStringLiteral("grid"));
    ui::SettingsWriter::flush();
    test::ScenarioWindow w(path);
    QSettings().remove(QStringLiteral("transcriptMode"));
    ui::SettingsWriter::flush();
    ui::TranscriptView *transcript = w.conversations()->transcript();
    QCOMPARE(transcript->mode(), ui::TranscriptView::Mode::Grid);
    ui::MessagesModel *messages = transcript->model();
    QTRY_COMPARE(messages->knownCount(), qint64(1000));
    QVERIFY(!messages->cachedRow(999));
    const QString sid = messages->sessionId();
    auto append = [&](int n) {
        test::sqlite3(
            path,
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %2) "
                           "INSERT INTO messages(session_id, role, text, created_at) SELECT '%1', "
                           "'user', 'appended ' || i, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 year') "
                           "FROM n;")
                .arg(sid)
                .arg(n));
    };
    // Rows the backend appended before the reader jumps to the end (the one-second poll has not
    // told us yet): the last page must still be the last rows, each at its own place.
    w.window()->browser()->watcher()->stop();
    append(7);
    QToolButton *last = nullptr;
    for (QToolButton *b : transcript->findChildren<QToolButton *>())
        if (b->text() == QStringLiteral("Last"))
            last = b;
    QVERIFY(last);
    last->click();
    QTRY_COMPARE(messages->knownCount(), qint64(1007));
    QList<qint64> ids = idsInOrder(path, sid);
    QCOMPARE(ids.size(), 1007);
    for (int r = 807; r < 1007; ++r) {
        if (messages->cachedRow(r))
            QCOMPARE(messages->messageIdAt(r), ids.at(r));
    }
    QTRY_COMPARE(messages->messageIdAt(1006), ids.at(1006));

    // And while it keeps appending, with the live refresh on: every row shown is the row at
    // that place in the session as it stands.
    w.window()->browser()->watcher()->start();
    for (int round = 0; round < 6; ++round) {
        append(3);
        transcript->jumpToEnd();
        QTest::qWait(300); // pacing: the backend appends a few rows every so often, not a wait
    }
    ids = idsInOrder(path, sid);
    QTRY_COMPARE_WITH_TIMEOUT(messages->knownCount(), qint64(ids.size()), 10000);
    transcript->jumpToEnd();
    QTRY_COMPARE_WITH_TIMEOUT(messages->messageIdAt(int(ids.size()) - 1), ids.last(), 10000);
    for (int r = int(ids.size()) - 200; r < ids.size(); ++r) {
        if (messages->cachedRow(r))
            QCOMPARE(messages->messageIdAt(r), ids.at(r));
    }
}

QTEST_MAIN(TestScenarioMessages)
#include "tst_scenario_messages.moc"
