#include "checkpointpanel.h"
#include "connection.h"
#include "diagnosticsdock.h"
#include "findingsmodel.h"
#include "integritypanel.h"
#include "livepage.h"
#include "lockspanel.h"
#include "lockstablemodel.h"
#include "ownlocks.h"
#include "proberunner.h"
#include "sqliteprocess.h"
#include "sqllog.h"
#include "sqllogdock.h"
#include "sqllogmodel.h"
#include "testsupport.h"
#include "walsizeplot.h"

#include <QAbstractItemModelTester>
#include <QMainWindow>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <unistd.h>

using namespace kalito;
using namespace kalito::ui;

// The Diagnostics dock and the SQL log dock on a real database, offscreen.
class TestDiagnostics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void modelsUnderTester();
    void liveShowsWalIndexAndSettings();
    void checkpointPanelRunsAndCancels();
    void integrityPanelFindsNothingOnHealthy();
    void runAndCancelKeepTheFocus();
    void locksPanelNamesWriter();
    void sqlLogCollectsStatements();
    void walPlotDrawsStepsNotRamps();

private:
    QTemporaryDir m_dir;
    QString m_db;
    Connection *m_connection = nullptr;
    QMainWindow *m_window = nullptr;
    DiagnosticsDock *m_dock = nullptr;
    SqlLogDock *m_sqlLog = nullptr;
    int m_attachedBefore = 0;
};

void TestDiagnostics::initTestCase()
{
    QVERIFY(SqlLog::installErrorLog()); // before any connection, as main() does
    ProbeRunner::setProgram(test::inspectorPath());
    m_db = test::makeKalitoDb(m_dir.path());
}

void TestDiagnostics::init()
{
    m_connection = new Connection;
    m_window = new QMainWindow;
    m_dock = new DiagnosticsDock(m_connection, m_window);
    m_sqlLog = new SqlLogDock(m_connection, m_window);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_sqlLog);
    m_window->show();
    m_attachedBefore = SqlLog::instance().attachCount();
    QVERIFY(m_connection->open({m_db}).result().ok());
}

void TestDiagnostics::cleanup()
{
    delete m_window;
    delete m_connection;
}

void TestDiagnostics::modelsUnderTester()
{
    FindingsModel findings;
    QAbstractItemModelTester t1(&findings, QAbstractItemModelTester::FailureReportingMode::QtTest);
    findings.setFindings({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(findings.rowCount(), 2);
    QCOMPARE(findings.data(findings.index(1, FindingsModel::FindingColumn)).toString(), QStringLiteral("b"));

    LocksTableModel locks;
    QAbstractItemModelTester t2(&locks, QAbstractItemModelTester::FailureReportingMode::QtTest);
    locks.setLocks(
        {{7, QStringLiteral("node"), QStringLiteral("shm"), QStringLiteral("wal-write"), true, false},
         {8, QStringLiteral("x"), QStringLiteral("db"), QStringLiteral("shared"), false, true}});
    QStringList dump;
    for (int r = 0; r < locks.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < locks.columnCount(); ++c)
            cells << locks.data(locks.index(r, c)).toString();
        dump << cells.join(QLatin1Char('|'));
    }
    QCOMPARE(dump, QStringList({QStringLiteral("7|node|-shm|wal-write|write"),
                                QStringLiteral("8|this inspector|database|shared|read")}));

    SqlLogModel log;
    QAbstractItemModelTester t3(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setCap(3);
    for (int i = 0; i < 5; ++i)
        SqlLog::instance().append(
            {0, QDateTime::currentDateTime(), 10, QStringLiteral("SELECT %1").arg(i), false, 0});
    log.pull();
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.data(log.index(2, SqlLogModel::TextColumn)).toString(), QStringLiteral("SELECT 4"));
    SqlLog::instance().append({0, QDateTime::currentDateTime(), 10, QStringLiteral("SELECT 5"), false, 0});
    QCOMPARE(log.pull(), 1);
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.data(log.index(0, SqlLogModel::TextColumn)).toString(), QStringLiteral("SELECT 3"));
}

void TestDiagnostics::liveShowsWalIndexAndSettings()
{
    LivePage *live = m_dock->livePage();
    m_dock->tabs()->setCurrentWidget(live);
    QSignalSpy updated(live, &LivePage::walIndexUpdated);
    live->refreshWalIndex();
    QVERIFY(updated.wait(10000));
    QVERIFY2(live->walIndexText().contains(QStringLiteral("mxFrame")), qPrintable(live->walIndexText()));
    QTRY_VERIFY_WITH_TIMEOUT(live->settingsTree()->topLevelItemCount() >= 6, 10000);
    QStringList names;
    for (int i = 0; i < live->settingsTree()->topLevelItemCount(); ++i)
        names << live->settingsTree()->topLevelItem(i)->text(0);
    for (const char *n : {"foreign_keys", "journal_mode", "synchronous", "cache_size", "temp_store",
                          "page count", "freelist pages"})
        QVERIFY2(names.contains(QLatin1String(n)), n);
    QTRY_VERIFY_WITH_TIMEOUT(live->plot()->sampleCount() >= 2, 5000); // the 1 s tick runs while visible
}

void TestDiagnostics::checkpointPanelRunsAndCancels()
{
    CheckpointPanel *panel = m_dock->checkpointPanel();
    QSignalSpy done(panel, &CheckpointPanel::finished);
    panel->runCheckpoint(CheckpointMode::Passive);
    QVERIFY(done.wait(10000));
    auto r = done.takeFirst().at(0).value<CheckpointResult>();
    QVERIFY(!r.busy);
    QVERIFY(!r.error.isError());
    QCOMPARE(panel->results()->topLevelItemCount(), 1);

    // A reader pins the WAL: RESTART waits; Cancel ends the wait while the event loop runs.
    test::SqliteProcess reader(m_db), writer(m_db);
    QVERIFY(reader.start() && writer.start());
    writer.exec(QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('u', 'u', 'p');"));
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
    writer.exec(QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('v', 'v', 'p');"));
    panel->runCheckpoint(CheckpointMode::Restart, true);
    QVERIFY(panel->isRunning());
    // The window keeps processing events (QTRY runs them) while the checkpoint waits for the
    // reader, holding the checkpointer lock.
    QTRY_VERIFY_WITH_TIMEOUT(test::OwnLocks::holdsCheckpointer(m_db), 30000);
    QVERIFY(panel->isRunning());
    QElapsedTimer t;
    t.start();
    panel->cancel();
    QVERIFY(done.wait(60000));
    qInfo() << "cancelled after" << t.elapsed() << "ms";
    r = done.takeFirst().at(0).value<CheckpointResult>();
    // The wait budget is 30 s: only the cancel makes it end cancelled (how soon: kalito-bench).
    QVERIFY(r.cancelled);
    QVERIFY2(r.elapsedMs < 30000, qPrintable(QString::number(r.elapsedMs)));
    QVERIFY(!panel->isRunning());
    reader.exec(QStringLiteral("COMMIT;"));
}

void TestDiagnostics::integrityPanelFindsNothingOnHealthy()
{
    IntegrityPanel *panel = m_dock->integrityPanel();
    QSignalSpy done(panel, &IntegrityPanel::finished);
    panel->runCheck(IntegrityKind::Full, true);
    QVERIFY(done.wait(20000));
    const auto r = done.takeFirst().at(0).value<IntegrityResult>();
    QVERIFY(r.clean);
    QCOMPARE(panel->findings()->rowCount(), 0);
    QCOMPARE(panel->progressValue(), r.tablesTotal);
    QVERIFY(panel->statusText().contains(QStringLiteral("ok")));
}

// Run pressed from the keyboard: while it runs the focus is on Cancel, afterwards back on the
// run button, and the dock does not scroll. (Disabling the focused Run button used to hand the
// focus to the next widget, and the dock scrolled away from the buttons to a blank part.)
void TestDiagnostics::runAndCancelKeepTheFocus()
{
    m_window->resize(1024, 420); // a short dock, which scrolls
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    auto *scroll = m_dock->findChild<QScrollArea *>(QStringLiteral("diagnosticsScroll"));
    QVERIFY(scroll);
    auto button = [](QWidget *panel, const QString &text) {
        for (QPushButton *b : panel->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return static_cast<QPushButton *>(nullptr);
    };
    struct Case
    {
        QWidget *panel;
        QString run;
    };
    const QList<Case> cases{{m_dock->integrityPanel(), QStringLiteral("Run")},
                            {m_dock->checkpointPanel(), QStringLiteral("PASSIVE")}};
    for (const Case &c : cases) {
        m_dock->tabs()->setCurrentWidget(c.panel);
        QPushButton *run = button(c.panel, c.run);
        QPushButton *cancel = button(c.panel, QStringLiteral("Cancel"));
        QVERIFY(run && cancel);
        scroll->ensureWidgetVisible(run);
        run->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(run->hasFocus());
        const int scrolled = scroll->verticalScrollBar()->value();
        QTest::keyClick(run, Qt::Key_Space);
        QVERIFY2(cancel->hasFocus() || run->hasFocus(), qPrintable(c.run)); // on Cancel, or already done
        QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled() && !cancel->isEnabled(), 20000);
        QVERIFY2(run->hasFocus(), qPrintable(c.run + QStringLiteral(": the focus left the buttons for ") +
                                             (QApplication::focusWidget()
                                                  ? QApplication::focusWidget()->metaObject()->className()
                                                  : "nothing")));
        QCOMPARE(scroll->verticalScrollBar()->value(), scrolled);
    }
}

void TestDiagnostics::locksPanelNamesWriter()
{
    test::SqliteProcess writer(m_db);
    QVERIFY(writer.start());
    writer.exec(QStringLiteral("BEGIN IMMEDIATE;"));
    LocksPanel *panel = m_dock->locksPanel();
    QSignalSpy refreshed(panel, &LocksPanel::refreshed);
    m_dock->tabs()->setCurrentWidget(panel);
    panel->refresh();
    QVERIFY(refreshed.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->diagnosisText().contains(QStringLiteral("pid %1 (sqlite3 ").arg(writer.pid())), 10000);
    bool self = false, writerRow = false;
    LocksTableModel *model = panel->locksModel();
    for (int r = 0; r < model->rowCount(); ++r) {
        self |= model->data(model->index(r, LocksTableModel::ProcessColumn)).toString() ==
                QLatin1String("this inspector");
        writerRow |= model->data(model->index(r, LocksTableModel::PidColumn)).toLongLong() == writer.pid() &&
                     model->data(model->index(r, LocksTableModel::LockColumn)).toString() ==
                         QLatin1String("wal-write");
    }
    QVERIFY(self);
    QVERIFY(writerRow);
    writer.exec(QStringLiteral("ROLLBACK;"));
}

void TestDiagnostics::sqlLogCollectsStatements()
{
    // The dock attaches the trace when the connection reports it opened (a queued signal).
    QTRY_VERIFY_WITH_TIMEOUT(SqlLog::instance().attachCount() >= m_attachedBefore + 1, 5000);
    m_connection
        ->run([](Database &db) { return db.scalar(QStringLiteral("SELECT 'trace-me', ?"), {42}).toInt(); })
        .waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            m_sqlLog->model()->pull();
            for (int r = 0; r < m_sqlLog->model()->rowCount(); ++r) {
                if (m_sqlLog->model()
                        ->data(m_sqlLog->model()->index(r, SqlLogModel::TextColumn))
                        .toString()
                        .contains(QStringLiteral("trace-me")))
                    return true;
            }
            return false;
        }(),
        5000);
    // SQLite's error log: a failing statement is reported there too.
    m_connection
        ->run([](Database &db) { return db.select(QStringLiteral("SELECT * FROM no_such_table")).ok(); })
        .waitForFinished();
    bool errorLogged = false;
    for (const SqlLogEntry &e : SqlLog::instance().since(0))
        errorLogged |= e.isError && e.text.contains(QStringLiteral("no_such_table"));
    QVERIFY(errorLogged);
}

// The -wal changes at a commit: each size is held until the next sample, a TRUNCATE is a drop, and
// a stretch with no sample (the page was hidden) is left blank rather than bridged by a ramp.
void TestDiagnostics::walPlotDrawsStepsNotRamps()
{
    WalSizePlot plot;
    using P = WalSizePlot::Point;
    for (const P &s : {P{0, 0}, P{1000, 4148872}, P{2000, 4148872}, P{60000, 4400000}, P{61000, 0}})
        plot.addSample(s.first, s.second);
    const QList<QList<P>> segments = plot.segments();
    QCOMPARE(segments.size(), 2); // 58 s without a sample: two pieces, nothing drawn between
    QCOMPARE(segments.at(0), (QList<P>{{0, 0}, {1000, 0}, {1000, 4148872}, {2000, 4148872}}));
    QCOMPARE(segments.at(1), (QList<P>{{60000, 4400000}, {61000, 4400000}, {61000, 0}}));
    for (const QList<P> &segment : segments) {
        for (int i = 1; i < segment.size(); ++i) // every piece is flat or vertical: no slope
            QVERIFY(segment.at(i).first == segment.at(i - 1).first ||
                    segment.at(i).second == segment.at(i - 1).second);
    }
}

QTEST_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
