// Scenario: what a person looks at comes first on the one connection (issue 12). On a database with
// a large messages table and 200,000 pins (no index on their session_id, as in Kalito), the real
// MainWindow opens: the first page of sessions runs before the overview counts the big tables, which
// count in short steps with an estimate shown first; a click on a session while another session's
// pins are being scanned gets its first page after at most one step of that scan. The order is read
// from the SQL log (every statement the connection ran, in order).
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/messagesmodel.h"
#include "browse/notesmodel.h"
#include "browse/notespane.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "diag/sqllog.h"
#include "diagnosticsdock.h"
#include "integritycontroller.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"

#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <functional>
#include <memory>

using namespace kalito;

class TestScenarioPriority : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstSessionsPageBeforeTheCounts();
    void pinsAreReadOnlyOnceThePaneIsOpen();
    void aSessionClickIsNotBehindAnotherSessionsPins();
    void aSessionClickDuringAnIntegrityCheckWaitsForOneTable();

private:
    static QList<SqlLogEntry> since(qint64 sequence) { return SqlLog::instance().since(sequence); }
    static int firstIndex(const QList<SqlLogEntry> &log, const std::function<bool(const QString &)> &match);
    static bool isSessionsPage(const QString &sql);
    static bool isMessagesPage(const QString &sql);
    static bool isMessagesCountStep(const QString &sql);
    static bool isPinsStep(const QString &sql);
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<test::ScenarioWindow> m_window;
};

int TestScenarioPriority::firstIndex(const QList<SqlLogEntry> &log,
                                     const std::function<bool(const QString &)> &match)
{
    for (int i = 0; i < log.size(); ++i) {
        if (match(log.at(i).text))
            return i;
    }
    return -1;
}

bool TestScenarioPriority::isSessionsPage(const QString &sql)
{
    return sql.contains(QLatin1String("FROM \"sessions\" s")) && sql.contains(QLatin1String(" LIMIT ")) &&
           !sql.contains(QLatin1String("count("));
}

bool TestScenarioPriority::isMessagesPage(const QString &sql)
{
    return sql.contains(QLatin1String("FROM \"messages\" m")) && sql.contains(QLatin1String(" LIMIT ")) &&
           !sql.contains(QLatin1String("count("));
}

bool TestScenarioPriority::isMessagesCountStep(const QString &sql)
{
    // A range of the messages' index (issue 24), or of its rowids (a table without an index).
    return sql.contains(QLatin1String("FROM \"messages\" INDEXED BY")) ||
           (sql.startsWith(QLatin1String("SELECT count(*)")) &&
            sql.contains(QLatin1String("FROM \"messages\" WHERE rowid")));
}

bool TestScenarioPriority::isPinsStep(const QString &sql)
{
    return sql.contains(QLatin1String("SELECT rowid FROM \"semantic_pins\" WHERE rowid"));
}

void TestScenarioPriority::initTestCase()
{
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 40, 3);
    // 300,000 more messages and 200,000 pins: several steps each, made in a second or two.
    test::sqlite3(
        m_path,
        QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 300000) "
                       "INSERT INTO messages(session_id, role, text, created_at) "
                       "SELECT s.id, 'user', 'message ' || i, printf('2024-02-01T%09d', i) "
                       "FROM c JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM sessions) AS s "
                       "ON s.k = c.i % 40;"
                       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 200000) "
                       "INSERT INTO semantic_pins(id, session_id, content, created_at) "
                       "SELECT 'p' || i, s.id, 'pin ' || i, printf('2024-03-01T%09d', i) "
                       "FROM c JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM sessions) AS s "
                       "ON s.k = c.i % 40;"));
}

void TestScenarioPriority::cleanupTestCase()
{
    m_window.reset();
}

void TestScenarioPriority::firstSessionsPageBeforeTheCounts()
{
    const qint64 mark = SqlLog::instance().lastSequence();
    m_window = std::make_unique<test::ScenarioWindow>(QString());
    auto *overview = m_window->window()->findChild<ui::OverviewPage *>();
    QVERIFY(overview);
    // Every text the overview's messages row shows, as it changes.
    QStringList shown;
    QString estimateTip;
    connect(overview->tree()->model(), &QAbstractItemModel::dataChanged, this, [&] {
        const QList<QTreeWidgetItem *> items =
            overview->tree()->findItems(QStringLiteral("messages"), Qt::MatchExactly | Qt::MatchRecursive);
        if (items.isEmpty())
            return;
        const QString text = items.first()->text(1);
        if (shown.isEmpty() || shown.last() != text)
            shown << text;
        if (text.startsWith(QStringLiteral("≈")))
            estimateTip = items.first()->toolTip(1);
    });
    QSignalSpy reported(overview, &ui::OverviewPage::reportShown);
    ui::SessionsModel *sessions = m_window->conversations()->sessions()->model();
    m_window->window()->openDatabase({m_path});
    QTRY_VERIFY_WITH_TIMEOUT(sessions->rowCount() > 0 && !sessions->sessionIdAt(0).isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(reported.size() >= 1, 60000);
    m_window->watchModels();

    const QList<SqlLogEntry> log = since(mark);
    if (qEnvironmentVariableIsSet("KALITO_TEST_DUMP")) {
        for (const SqlLogEntry &e : log)
            qInfo().noquote() << e.sequence << e.durationUs << e.text.left(160);
    }
    const int firstPage = firstIndex(log, isSessionsPage);
    const int firstCount = firstIndex(log, isMessagesCountStep);
    QVERIFY2(firstPage >= 0, "the first page of sessions is not in the SQL log");
    QVERIFY2(firstCount >= 0, "the overview's count of messages is not in the SQL log");
    // The page the person looks at ran before any step of the big count.
    QVERIFY2(firstPage < firstCount,
             qPrintable(QStringLiteral("page #%1, count #%2").arg(firstPage).arg(firstCount)));
    int steps = 0;
    for (const SqlLogEntry &e : log)
        steps += isMessagesCountStep(e.text) ? 1 : 0;
    QVERIFY2(steps >= 3, qPrintable(QStringLiteral("%1 count step(s)").arg(steps)));
    // No single count(*) of the whole messages table held the connection.
    QCOMPARE(firstIndex(log,
                        [](const QString &sql) {
                            return sql == QLatin1String("SELECT count(*) FROM \"messages\"");
                        }),
             -1);
    // An estimate first, marked and explained, then the exact count (the sqlite3 CLI's).
    const QString exact = QLocale().toString(
        test::sqlite3(m_path, QStringLiteral("SELECT count(*) FROM messages;")).toLongLong());
    QCOMPARE(overview->valueOf(QStringLiteral("Kalito tables"), QStringLiteral("messages")), exact);
    int estimated = -1;
    for (int i = 0; i < shown.size() && estimated < 0; ++i)
        estimated = shown.at(i).startsWith(QStringLiteral("≈ ")) ? i : -1;
    QVERIFY2(estimated >= 0 && estimated < shown.size() - 1, qPrintable(shown.join(QLatin1String(" | "))));
    QVERIFY(estimateTip.contains(QLatin1String("rowid")));
    QCOMPARE(shown.last(), exact);
}

void TestScenarioPriority::pinsAreReadOnlyOnceThePaneIsOpen()
{
    QVERIFY(m_window);
    ui::ConversationsPage *page = m_window->conversations();
    ui::NotesPane *notes = page->notes();
    // The first session opened by itself, the counts are in; 200,000 pins and no index on their
    // session_id: the pane starts closed, says why, and has read nothing.
    QVERIFY(!page->sessionId().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!notes->isOpen(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->connection()->pending(), 0, 30000);
    QVERIFY(firstIndex(SqlLog::instance().since(0), isPinsStep) < 0);
    QVERIFY(!notes->view()->isVisible());
    bool said = false;
    for (QLabel *l : notes->findChildren<QLabel *>())
        said = said || (l->isVisible() && l->text().contains(QLatin1String("no index")));
    QVERIFY2(said, "the closed pane does not say why");
    // Opened: the pins are read, in steps, and shown.
    QSignalSpy loaded(notes, &ui::NotesPane::loaded);
    const qint64 before = SqlLog::instance().lastSequence();
    QToolButton *toggle = notes->findChild<QToolButton *>();
    QVERIFY(toggle);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(notes->isOpen());
    QTRY_VERIFY_WITH_TIMEOUT(loaded.size() >= 1, 30000);
    QVERIFY(firstIndex(since(before), isPinsStep) >= 0);
    QVERIFY(notes->view()->isVisible());
    QVERIFY(notes->model()->rowCount() > 0);
}

void TestScenarioPriority::aSessionClickIsNotBehindAnotherSessionsPins()
{
    QVERIFY(m_window);
    ui::ConversationsPage *page = m_window->conversations();
    QTableView *list = page->sessions()->view();
    ui::MessagesModel *messages = page->transcript()->model();
    QSignalSpy notesLoaded(page->notes(), &ui::NotesPane::loaded);
    // Session A (not the first, which opened by itself): its pins are scanned in steps.
    const qint64 beforeA = SqlLog::instance().lastSequence();
    const QString a = page->sessions()->model()->sessionIdAt(2);
    test::ScenarioWindow::clickRow(list, 2);
    QTRY_COMPARE_WITH_TIMEOUT(page->sessionId(), a, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(firstIndex(since(beforeA), isPinsStep) >= 0, 30000);
    // While that scan goes on, the person clicks session B.
    const qint64 beforeB = SqlLog::instance().lastSequence();
    const QString b = page->sessions()->model()->sessionIdAt(3);
    test::ScenarioWindow::clickRow(list, 3);
    QTRY_COMPARE_WITH_TIMEOUT(page->sessionId(), b, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(messages->rowCount() > 0 && messages->cachedRow(0) != nullptr, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(notesLoaded.size() >= 1, 30000);
    const QList<SqlLogEntry> log = since(beforeB);
    const int bPage = firstIndex(log, isMessagesPage);
    QVERIFY2(bPage >= 0, "session B's first page is not in the SQL log");
    int pinStepsBefore = 0;
    for (int i = 0; i < bPage; ++i)
        pinStepsBefore += isPinsStep(log.at(i).text) ? 1 : 0;
    // At most the step that was running when B was clicked.
    QVERIFY2(pinStepsBefore <= 1,
             qPrintable(QStringLiteral("%1 pin steps before B's first page").arg(pinStepsBefore)));
    // B's own pins (the 2nd session's, as the sqlite3 CLI finds them) are in its notes.
    const int pins =
        test::sqlite3(m_path,
                      QStringLiteral("SELECT count(*) FROM semantic_pins WHERE session_id = '%1';").arg(b))
            .toInt();
    QTRY_COMPARE_WITH_TIMEOUT(
        page->notes()->findChild<QTableView *>()->model()->rowCount(),
        qMin(pins, 5000) +
            test::sqlite3(
                m_path,
                QStringLiteral("SELECT count(*) FROM conversation_summaries WHERE session_id = '%1';").arg(b))
                .toInt(),
        30000);
}

void TestScenarioPriority::aSessionClickDuringAnIntegrityCheckWaitsForOneTable()
{
    QVERIFY(m_window);
    ui::ConversationsPage *page = m_window->conversations();
    auto *dock = m_window->window()->findChild<ui::DiagnosticsDock *>();
    QVERIFY(dock);
    ui::IntegrityController *check = dock->integrityController();
    QSignalSpy finished(check, &ui::IntegrityController::finished);
    auto isTableCheck = [](const QString &sql) {
        return sql.startsWith(QLatin1String("PRAGMA quick_check("));
    };
    const qint64 beforeCheck = SqlLog::instance().lastSequence();
    QVERIFY(check->run(IntegrityKind::Quick)); // table by table, as the health strip's button runs it
    // The person clicks a session once the check is under way.
    QTRY_VERIFY_WITH_TIMEOUT(firstIndex(since(beforeCheck), isTableCheck) >= 0, 30000);
    const qint64 beforeClick = SqlLog::instance().lastSequence();
    const QString c = page->sessions()->model()->sessionIdAt(5);
    test::ScenarioWindow::clickRow(page->sessions()->view(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(page->sessionId(), c, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 60000);
    QVERIFY(finished.first().first().value<IntegrityResult>().clean);
    const QList<SqlLogEntry> log = since(beforeClick);
    if (qEnvironmentVariableIsSet("KALITO_TEST_DUMP")) {
        for (const SqlLogEntry &e : since(beforeCheck))
            qInfo().noquote() << e.sequence << (e.sequence > beforeClick ? "after click" : "") << e.durationUs
                              << e.text.left(120);
    }
    const int firstPage = firstIndex(log, isMessagesPage);
    QVERIFY2(firstPage >= 0, "the session's first page is not in the SQL log");
    int tablesBefore = 0;
    for (int i = 0; i < firstPage; ++i)
        tablesBefore += isTableCheck(log.at(i).text) ? 1 : 0;
    // At most the table being checked when the person clicked; not the rest of the check.
    QVERIFY2(tablesBefore <= 1,
             qPrintable(QStringLiteral("%1 tables checked before the page").arg(tablesBefore)));
}

QTEST_MAIN(TestScenarioPriority)
#include "tst_scenario_priority.moc"
