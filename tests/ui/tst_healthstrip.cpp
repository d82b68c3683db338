#include "backendwriter.h"
#include "checkpointcontroller.h"
#include "checkpointpanel.h"
#include "connection.h"
#include "diagnosticsdock.h"
#include "filesizes.h"
#include "healthmonitor.h"
#include "healthstrip.h"
#include "healthstriphelpers.h"
#include "integritycontroller.h"
#include "mainwindow.h"
#include "proberunner.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "windowfit.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace kalito;
using namespace kalito::ui;
using namespace kalito::test;

// The health strip of a real MainWindow (offscreen) on real files, beside real second processes.
class TestHealthStrip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void visibleByDefaultWithDetailsOneClickAway();
    void figuresMatchTheFiles();
    void readerPinningTheWalWarns();
    void walGrowingWarns();
    void namesWriterReaderAndWhomACheckpointWaitsFor();
    void checkpointButtonEveryMode();
    void checkpointCancelInPlace();
    void integrityButtonEveryKind();
    void integrityCancelInPlace();
    void backendWriterFigures();
    void buttonsStayPutWhileFiguresChange();
    void unknownFiguresSayWhy();
    void filesAreReadOffTheGuiThread();

private:
    HealthStrip *strip() const { return m_window->findChild<HealthStrip *>(); }
    DiagnosticsDock *dock() const { return m_window->findChild<DiagnosticsDock *>(); }

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<MainWindow> m_window;
};

void TestHealthStrip::initTestCase()
{
    ProbeRunner::setProgram(test::inspectorPath());
}

void TestHealthStrip::init()
{
    static int n = 0;
    m_db = test::makeKalitoDb(m_dir.path(), QStringLiteral("health%1.db").arg(++n), 6, 10);
    m_connection = std::make_unique<Connection>();
    m_window = std::make_unique<MainWindow>(m_connection.get());
    m_window->setWindowState(Qt::WindowNoState); // 1280x800, not maximized on the 800x600 offscreen screen
    m_window->resize(WindowFit::kPreferred);
    m_window->show();
    QSignalSpy opened(m_window.get(), &MainWindow::databaseOpened);
    m_window->openDatabase({m_db});
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
    QVERIFY(strip());
    // The first probe has answered.
    QTRY_VERIFY_WITH_TIMEOUT(strip()->backlogText().startsWith(QStringLiteral("backlog ")) &&
                                 !strip()->backlogText().contains(QStringLiteral("–")),
                             20000);
}

void TestHealthStrip::cleanup()
{
    m_window.reset();
    m_connection.reset();
}

void TestHealthStrip::visibleByDefaultWithDetailsOneClickAway()
{
    QVERIFY(strip()->isVisible());
    QVERIFY(!dock()->isVisible()); // the detailed dock is hidden until asked for...
    strip()->detailsButton()->click();
    QVERIFY(dock()->isVisible()); // ...and one click away
    QVERIFY(strip()->checkpointButton()->isEnabled());
    QVERIFY(strip()->integrityButton()->isEnabled());
    QCOMPARE(strip()->monitor()->intervalMs(), 1000);
}

void TestHealthStrip::filesAreReadOffTheGuiThread()
{
    // stat() and /proc/locks can stall (a busy server's /proc/locks is large): a pool thread reads
    // them, the GUI thread gets a plain struct.
    HealthMonitor *monitor = strip()->monitor();
    const int before = monitor->readings();
    monitor->tick();
    monitor->tick(); // while the first reading is on its way: one more after it, none queued
    QTRY_VERIFY(monitor->readings() >= before + 2);
    QVERIFY(monitor->lastReadThread() != nullptr);
    QVERIFY(monitor->lastReadThread() != QThread::currentThreadId());
    QCOMPARE(monitor->sample().sizes.dbBytes, FileSizes::of(m_db).dbBytes);
}

void TestHealthStrip::figuresMatchTheFiles()
{
    // Idle: the strip shows what stat() and the -shm say now.
    QTRY_COMPARE_WITH_TIMEOUT(strip()->walText(), walTextFor(FileSizes::of(m_db)), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->shmText(), shmTextFor(FileSizes::of(m_db)), 10000);
    const qint64 backlog = backlogNow(m_db);
    QVERIFY(backlog >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->backlogText(),
                              QStringLiteral("backlog %1 frame%2")
                                  .arg(QLocale().toString(backlog))
                                  .arg(backlog == 1 ? QString() : QStringLiteral("s")),
                              10000);
    // (The inspector's own requests are short reads too: one may be under way at a given sample.)
    QTRY_COMPARE_WITH_TIMEOUT(strip()->readersText(), QStringLiteral("no readers"), 10000);

    // Another process writes: the figures follow, without any SQL of ours.
    test::SqliteProcess writer(m_db);
    QVERIFY(writer.start());
    writer.exec(QStringLiteral("CREATE TABLE filler(x); INSERT INTO filler SELECT randomblob(4096) FROM "
                               "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 300) "
                               "SELECT i FROM c);"));
    const qint64 after = backlogNow(m_db);
    QVERIFY2(after > backlog, qPrintable(QString::number(after)));
    QTRY_COMPARE_WITH_TIMEOUT(strip()->walText(), walTextFor(FileSizes::of(m_db)), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->backlogText(),
                              QStringLiteral("backlog %1 frames").arg(QLocale().toString(after)), 10000);
    QCOMPARE(strip()->monitor()->sample().backlog, quint32(after));
    QVERIFY(strip()->warningText().isEmpty());
}

void TestHealthStrip::readerPinningTheWalWarns()
{
    strip()->monitor()->trend().setPinLimitMs(2000); // a minute in the window; 2 s here
    test::SqliteProcess reader(m_db);
    QVERIFY(reader.start());
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM messages;"));
    const QString pid = QString::number(reader.pid());
    QTRY_VERIFY_WITH_TIMEOUT(strip()->readersText().contains(QStringLiteral("pid ") + pid), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->readersText().section(QLatin1Char(' '), 0, 3),
                              QStringLiteral("1 reader: pid ") + pid, 10000);
    // Held past the limit: a warning in words and in colour.
    QTRY_VERIFY2_WITH_TIMEOUT(strip()->warningText().contains(QStringLiteral("WAL pinned")),
                              qPrintable(strip()->warningText() + u'|' + strip()->readersText()), 15000);
    QVERIFY(strip()->findChild<QLabel *>(QStringLiteral("healthWarning"))->toolTip().contains(pid));
    auto *warning = strip()->findChild<QLabel *>(QStringLiteral("healthWarning"));
    QTRY_VERIFY(warning->isVisible());
    // At the window's default 1280 px nothing is pushed into the toolbar's overflow menu.
    QCOMPARE(m_window->width(), 1280);
    QVERIFY(strip()->detailsButton()->isVisible());
    QVERIFY(warning->styleSheet().contains(QStringLiteral("background")));
    QVERIFY(strip()
                ->findChild<QLabel *>(QStringLiteral("healthReaders"))
                ->styleSheet()
                .contains(QStringLiteral("background")));
    // A second reader: counted, the first holder still named first.
    test::SqliteProcess second(m_db);
    QVERIFY(second.start());
    second.exec(QStringLiteral("BEGIN; SELECT count(*) FROM sessions;"));
    QTRY_VERIFY_WITH_TIMEOUT(strip()->readersText().startsWith(QStringLiteral("2 readers, first pid ") + pid),
                             10000);
    reader.exec(QStringLiteral("COMMIT;"));
    second.exec(QStringLiteral("COMMIT;"));
    QTRY_COMPARE_WITH_TIMEOUT(strip()->readersText(), QStringLiteral("no readers"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(strip()->warningText().isEmpty(), 10000);
    QTRY_VERIFY(!warning->isVisible());
}

void TestHealthStrip::walGrowingWarns()
{
    // Scaled down: a 3 s window and an autocheckpoint of 5 frames instead of 30 s and 1000.
    HealthTrend &trend = strip()->monitor()->trend();
    trend.setGrowthWindowMs(3000);
    trend.setAutoCheckpointFrames(5);
    test::SqliteProcess reader(m_db), writer(m_db);
    QVERIFY(reader.start() && writer.start());
    writer.exec(QStringLiteral("CREATE TABLE filler(x);"));
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM filler;")); // keeps the WAL from resetting
    writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0;"));
    QSignalSpy updated(strip()->monitor(), &HealthMonitor::updated);
    auto both = [this] {
        return strip()->warningText().contains(QStringLiteral("-wal growing")) &&
               strip()->warningText().contains(QStringLiteral("backlog growing"));
    };
    for (int i = 0; i < 200 && !both(); ++i) {
        writer.exec(QStringLiteral("INSERT INTO filler VALUES (randomblob(8000));"));
        QVERIFY(updated.wait(5000)); // one refresh per write: the WAL grows between every sample
    }
    QVERIFY2(strip()->warningText().contains(QStringLiteral("-wal growing")),
             qPrintable(strip()->warningText()));
    QVERIFY(strip()->warningText().contains(QStringLiteral("backlog growing")));
    QVERIFY(strip()
                ->findChild<QLabel *>(QStringLiteral("healthWal"))
                ->styleSheet()
                .contains(QStringLiteral("background")));
    reader.exec(QStringLiteral("COMMIT;"));
}

// The strip names the write-lock holder, not only readers, in the Locks tab's words; the question
// before TRUNCATE says who it would wait for; a busy TRUNCATE names that reader in the strip and
// in the Diagnostics dock.
void TestHealthStrip::namesWriterReaderAndWhomACheckpointWaitsFor()
{
    test::SqliteProcess writer(m_db), reader(m_db);
    QVERIFY(writer.start() && reader.start());
    writer.exec(
        QStringLiteral("BEGIN IMMEDIATE; INSERT INTO personas(id, name, prompt) VALUES ('w', 'w', 'p');"));
    const QString w = QStringLiteral("pid %1 holds the write lock").arg(writer.pid());
    QTRY_VERIFY2_WITH_TIMEOUT(strip()->readersText().startsWith(w), qPrintable(strip()->readersText()),
                              10000);
    auto *figure = strip()->findChild<QLabel *>(QStringLiteral("healthReaders"));
    QVERIFY2(figure->toolTip().contains(QStringLiteral("holds the WAL write lock")),
             qPrintable(figure->toolTip()));
    writer.exec(QStringLiteral("COMMIT;"));

    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
    const QString r = QStringLiteral("pid %1 (sqlite3 ").arg(reader.pid());
    QTRY_VERIFY2_WITH_TIMEOUT(strip()->readersText() == QStringLiteral("1 reader: pid %1").arg(reader.pid()),
                              qPrintable(strip()->readersText()), 10000);
    CheckpointController *runner = dock()->checkpointController();
    runner->setWaitMs(300);
    QSignalSpy done(runner, &CheckpointController::finished);
    bool asked = false;
    Question question;
    answerNextQuestion(QMessageBox::Yes, &asked, &question);
    menuAction(strip()->checkpointButton(), QStringLiteral("healthCheckpointTRUNCATE"))->trigger();
    QVERIFY(asked);
    QVERIFY2(question.informative.contains(r) &&
                 question.informative.contains(QStringLiteral("TRUNCATE will wait up to 300 ms for it")),
             qPrintable(question.informative));
    QVERIFY(done.wait(10000));
    const auto result = done.takeFirst().at(0).value<CheckpointResult>();
    QVERIFY(result.busy);
    QCOMPARE(result.blockedBy.size(), 1);
    QCOMPARE(result.blockedBy.constFirst().holder.pid, reader.pid());
    QVERIFY2(strip()->checkpointText().startsWith(QStringLiteral("TRUNCATE busy (pid %1)").arg(reader.pid())),
             qPrintable(strip()->checkpointText()));
    QVERIFY(strip()->findChild<QLabel *>(QStringLiteral("healthCheckpointResult"))->toolTip().contains(r));
    QVERIFY2(dock()->checkpointPanel()->statusText().contains(QStringLiteral("gave up waiting for ") + r),
             qPrintable(dock()->checkpointPanel()->statusText()));
    reader.exec(QStringLiteral("COMMIT;"));
    // Nobody holds anything now: the question says so.
    QTRY_COMPARE_WITH_TIMEOUT(strip()->readersText(), QStringLiteral("no readers"), 10000);
    QCOMPARE(runner->wouldWaitText(CheckpointMode::Truncate),
             QStringLiteral("Nobody holds a lock a TRUNCATE checkpoint would wait for right now."));
}

void TestHealthStrip::checkpointButtonEveryMode()
{
    CheckpointController *runner = dock()->checkpointController();
    QSignalSpy done(runner, &CheckpointController::finished);
    QTreeWidget *dockResults = dock()->checkpointPanel()->results();

    // A click: PASSIVE, no question.
    strip()->checkpointButton()->click();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.takeFirst().at(0).value<CheckpointResult>().mode, CheckpointMode::Passive);
    QVERIFY2(strip()->checkpointText().startsWith(QStringLiteral("PASSIVE ok ")),
             qPrintable(strip()->checkpointText()));
    QCOMPARE(dockResults->topLevelItemCount(), 1); // one runner: the dock saw it too

    // The modes that make writers wait ask first; "No" runs nothing.
    bool asked = false;
    Question question;
    answerNextQuestion(QMessageBox::No, &asked, &question);
    menuAction(strip()->checkpointButton(), QStringLiteral("healthCheckpointRESTART"))->trigger();
    QVERIFY(asked);
    // The question is in the box itself (some desktops show no title), the why below it, No by default.
    QCOMPARE(question.text, QStringLiteral("Run a RESTART checkpoint?"));
    QCOMPARE(question.title, question.text);
    QVERIFY2(question.informative.contains(QStringLiteral("every writer")), qPrintable(question.informative));
    QCOMPARE(question.defaultButton, QMessageBox::No);
    QVERIFY(!runner->isRunning());
    QCOMPARE(dockResults->topLevelItemCount(), 1);

    for (const QString &mode :
         {QStringLiteral("FULL"), QStringLiteral("RESTART"), QStringLiteral("TRUNCATE")}) {
        asked = false;
        answerNextQuestion(QMessageBox::Yes, &asked, &question);
        menuAction(strip()->checkpointButton(), QStringLiteral("healthCheckpoint") + mode)->trigger();
        QVERIFY2(asked, qPrintable(mode));
        QCOMPARE(question.text, QStringLiteral("Run a %1 checkpoint?").arg(mode));
        QVERIFY(done.wait(10000));
        const auto r = done.takeFirst().at(0).value<CheckpointResult>();
        QCOMPARE(CheckpointResult::modeName(r.mode).toUpper(), mode);
        QVERIFY(!r.busy && !r.error.isError());
        QVERIFY2(strip()->checkpointText().startsWith(mode + QStringLiteral(" ok ")),
                 qPrintable(strip()->checkpointText()));
    }
    QCOMPARE(dockResults->topLevelItemCount(), 4);
    // After TRUNCATE the -wal is empty, and the strip says so at once.
    QTRY_COMPARE_WITH_TIMEOUT(strip()->walText(), walTextFor(FileSizes::of(m_db)), 5000);
    QCOMPARE(FileSizes::of(m_db).walBytes, 0);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->backlogText(), QStringLiteral("backlog 0 frames"), 10000);

    // A PASSIVE from the menu too.
    menuAction(strip()->checkpointButton(), QStringLiteral("healthCheckpointPASSIVE"))->trigger();
    QVERIFY(done.wait(10000));
}

void TestHealthStrip::checkpointCancelInPlace()
{
    CheckpointController *runner = dock()->checkpointController();
    QSignalSpy done(runner, &CheckpointController::finished);
    test::SqliteProcess reader(m_db), writer(m_db);
    QVERIFY(reader.start() && writer.start());
    writer.exec(QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('u', 'u', 'p');"));
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
    writer.exec(QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('v', 'v', 'p');"));
    bool asked = false;
    answerNextQuestion(QMessageBox::Yes, &asked);
    menuAction(strip()->checkpointButton(), QStringLiteral("healthCheckpointRESTART"))->trigger();
    QVERIFY(asked);
    QVERIFY(runner->isRunning()); // waits for the reader...
    // ...with its progress and Cancel where the button was.
    QTRY_VERIFY(strip()->checkpointCancelButton()->isVisible());
    QVERIFY(!strip()->checkpointButton()->isVisible());
    QVERIFY(strip()->checkpointCancelButton()->isEnabled());
    // The dock shows the same run.
    QVERIFY(dock()->checkpointPanel()->isRunning());
    QCOMPARE(strip()->checkpointText(), QStringLiteral("RESTART running…"));
    strip()->checkpointCancelButton()->click();
    QVERIFY(done.wait(10000));
    QVERIFY(done.takeFirst().at(0).value<CheckpointResult>().cancelled);
    QVERIFY(strip()->checkpointButton()->isVisible());
    QVERIFY2(strip()->checkpointText().startsWith(QStringLiteral("RESTART cancelled ")),
             qPrintable(strip()->checkpointText()));
    reader.exec(QStringLiteral("COMMIT;"));
}

void TestHealthStrip::integrityButtonEveryKind()
{
    IntegrityController *runner = dock()->integrityController();
    QSignalSpy done(runner, &IntegrityController::finished);
    QSignalSpy progress(runner, &IntegrityController::progress);
    strip()->integrityButton()->click();
    QVERIFY(done.wait(20000));
    auto r = done.takeFirst().at(0).value<IntegrityResult>();
    QCOMPARE(r.kind, IntegrityKind::Quick);
    QVERIFY(r.clean);
    QVERIFY(!progress.isEmpty());
    QVERIFY2(strip()->checkText().startsWith(QStringLiteral("quick_check ok ")),
             qPrintable(strip()->checkText()));
    for (IntegrityKind kind : {IntegrityKind::Full, IntegrityKind::ForeignKeys, IntegrityKind::Quick}) {
        const QString name = IntegrityResult::kindName(kind);
        menuAction(strip()->integrityButton(), QStringLiteral("healthIntegrity_") + name)->trigger();
        QVERIFY(done.wait(20000));
        r = done.takeFirst().at(0).value<IntegrityResult>();
        QCOMPARE(r.kind, kind);
        QVERIFY(r.clean);
        QVERIFY2(strip()->checkText().startsWith(name + QStringLiteral(" ok ")),
                 qPrintable(strip()->checkText()));
    }
    // A broken foreign key: the strip says how many problems, in colour.
    test::sqlite3(m_db,
                  QStringLiteral("PRAGMA foreign_keys=OFF; INSERT INTO messages(session_id, role, text) "
                                 "VALUES ('no-such-session', 'user', 'orphan');"));
    menuAction(strip()->integrityButton(), QStringLiteral("healthIntegrity_foreign_key_check"))->trigger();
    QVERIFY(done.wait(20000));
    r = done.takeFirst().at(0).value<IntegrityResult>();
    QVERIFY(!r.clean);
    QVERIFY2(strip()->checkText().startsWith(
                 QStringLiteral("foreign_key_check %1 problem").arg(r.problems.size())),
             qPrintable(strip()->checkText()));
    QVERIFY(strip()
                ->findChild<QLabel *>(QStringLiteral("healthCheckResult"))
                ->styleSheet()
                .contains(QStringLiteral("background")));
}

void TestHealthStrip::integrityCancelInPlace()
{
    IntegrityController *runner = dock()->integrityController();
    QSignalSpy done(runner, &IntegrityController::finished);
    // Hold the connection thread so that Cancel surely comes before the check's first table.
    auto gate = std::make_shared<QSemaphore>();
    auto entered = std::make_shared<QSemaphore>();
    m_connection->run([gate, entered](Database &) {
        entered->release();
        gate->acquire();
        return 0;
    });
    entered->acquire();
    menuAction(strip()->integrityButton(), QStringLiteral("healthIntegrity_integrity_check"))->trigger();
    QVERIFY(runner->isRunning());
    QTRY_VERIFY(strip()->integrityCancelButton()->isVisible());
    QVERIFY(strip()->integrityProgress()->isVisible());
    QVERIFY(!strip()->integrityButton()->isVisible());
    strip()->integrityCancelButton()->click();
    QVERIFY(!strip()->integrityCancelButton()->isEnabled());
    QCOMPARE(strip()->checkText(), QStringLiteral("integrity_check cancelling…"));
    gate->release();
    QVERIFY(done.wait(20000));
    QVERIFY(done.takeFirst().at(0).value<IntegrityResult>().cancelled);
    QVERIFY(strip()->integrityButton()->isVisible());
    QVERIFY2(strip()->checkText().startsWith(QStringLiteral("integrity_check cancelled ")),
             qPrintable(strip()->checkText()));
}

// The backend's own driver writes; the strip's figures keep following the real files.
void TestHealthStrip::backendWriterFigures()
{
    const QString why = test::BackendWriter::unavailableReason();
    if (!why.isEmpty())
        QSKIP(qPrintable(why));
    test::BackendWriter writer;
    QVERIFY(writer.start(m_db, test::BackendWriter::configuredSeconds(8), 5));
    QSignalSpy updated(strip()->monitor(), &HealthMonitor::updated);
    const int probesBefore = strip()->monitor()->probesStarted();
    QSet<QString> backlogs, wals;
    while (writer.isRunning()) {
        if (!updated.wait(5000))
            break;
        backlogs.insert(strip()->backlogText());
        wals.insert(strip()->walText());
    }
    QVERIFY(writer.finish(60000));
    qInfo("backend wrote %lld transactions; the strip showed %lld backlog and %lld -wal figures, %d probes",
          writer.transactions(), qint64(backlogs.size()), qint64(wals.size()),
          strip()->monitor()->probesStarted() - probesBefore);
    QVERIFY2(writer.errors().isEmpty(), qPrintable(writer.errors().join(u'\n')));
    QVERIFY(writer.transactions() > 0);
    QVERIFY2(backlogs.size() >= 3, qPrintable(QStringList(backlogs.values()).join(u',')));
    // The WAL-index was re-read as the writer committed, not only every few seconds.
    QVERIFY(strip()->monitor()->probesStarted() - probesBefore >= 4);
    // At rest, the strip shows exactly what the files and the -shm say.
    QTRY_COMPARE_WITH_TIMEOUT(strip()->walText(), walTextFor(FileSizes::of(m_db)), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->shmText(), shmTextFor(FileSizes::of(m_db)), 10000);
    const qint64 backlog = backlogNow(m_db);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->backlogText(),
                              QStringLiteral("backlog %1 frame%2")
                                  .arg(QLocale().toString(backlog))
                                  .arg(backlog == 1 ? QString() : QStringLiteral("s")),
                              10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->readersText(), QStringLiteral("no readers"), 10000);
}

// The figures change width every second while a writer writes; the buttons right of them must not
// move under the user's pointer.
void TestHealthStrip::buttonsStayPutWhileFiguresChange()
{
    QWidget *checkpoint = strip()->checkpointButton()->parentWidget(); // the stack (button or Cancel)
    QWidget *integrity = strip()->integrityButton()->parentWidget();
    auto settle = [] {
        for (int i = 0; i < 3; ++i)
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    };
    settle();
    const int checkpointX = checkpoint->mapTo(strip(), QPoint(0, 0)).x();
    const int integrityX = integrity->mapTo(strip(), QPoint(0, 0)).x();
    auto stayed = [&](const char *when) {
        settle();
        const int cx = checkpoint->mapTo(strip(), QPoint(0, 0)).x();
        const int ix = integrity->mapTo(strip(), QPoint(0, 0)).x();
        qInfo("%s: Checkpoint at x=%d (was %d), Integrity at x=%d (was %d); %s | %s | %s | %s", when, cx,
              checkpointX, ix, integrityX, qPrintable(strip()->walText()), qPrintable(strip()->backlogText()),
              qPrintable(strip()->readersText()), qPrintable(strip()->checkpointText()));
        return cx == checkpointX && ix == integrityX;
    };
    const QString walBefore = strip()->walText(), backlogBefore = strip()->backlogText();

    // Several MiB and thousands of frames: longer -wal and backlog texts.
    test::SqliteProcess writer(m_db), reader(m_db);
    QVERIFY(writer.start() && reader.start());
    writer.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0; CREATE TABLE filler(x); INSERT INTO filler "
                               "SELECT randomblob(4000) FROM (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL "
                               "SELECT i+1 FROM c WHERE i < 3000) SELECT i FROM c);"));
    const qint64 after = backlogNow(m_db);
    QVERIFY2(after >= 1000, qPrintable(QString::number(after)));
    QTRY_COMPARE_WITH_TIMEOUT(strip()->backlogText(),
                              QStringLiteral("backlog %1 frames").arg(QLocale().toString(after)), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->walText(), walTextFor(FileSizes::of(m_db)), 10000);
    QVERIFY(strip()->backlogText().size() > backlogBefore.size());
    QVERIFY(strip()->walText() != walBefore);
    QVERIFY(stayed("after the write"));

    // A reader: "no readers" becomes "1 reader: pid …".
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM filler;"));
    QTRY_VERIFY_WITH_TIMEOUT(strip()->readersText().contains(QString::number(reader.pid())), 10000);
    QVERIFY(stayed("with a reader"));

    // A checkpoint: "no checkpoint yet" becomes "PASSIVE ok 04:17:00"; the backlog shrinks again.
    QSignalSpy done(dock()->checkpointController(), &CheckpointController::finished);
    strip()->checkpointButton()->click();
    QVERIFY(done.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(
        strip()->backlogText() != QStringLiteral("backlog %1 frames").arg(QLocale().toString(after)), 10000);
    QVERIFY(stayed("after a checkpoint"));
    reader.exec(QStringLiteral("COMMIT;"));
    QTRY_COMPARE_WITH_TIMEOUT(strip()->readersText(), QStringLiteral("no readers"), 10000);
    QVERIFY(stayed("without readers"));
}

// "–" and "?" are never left unexplained: the tooltip says why, in words.
void TestHealthStrip::unknownFiguresSayWhy()
{
    auto *backlog = strip()->findChild<QLabel *>(QStringLiteral("healthBacklog"));
    QVERIFY(backlog);
    QVERIFY(!backlog->toolTip().contains(QStringLiteral("could not")));
    auto restore = qScopeGuard([] { ProbeRunner::setProgram(test::inspectorPath()); });
    strip()->monitor()->setIdleProbeMs(300);

    // A probe process that cannot start.
    const QString missing = m_dir.filePath(QStringLiteral("no-such-inspector"));
    ProbeRunner::setProgram(missing);
    QTRY_COMPARE_WITH_TIMEOUT(strip()->backlogText(), QStringLiteral("backlog ?"), 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(backlog->toolTip().contains(QStringLiteral("could not be started")),
                              qPrintable(backlog->toolTip()), 10000);
    QVERIFY(backlog->toolTip().startsWith(QStringLiteral("The WAL-index could not be read: ")));
    QVERIFY(backlog->toolTip().contains(missing));
    QVERIFY(backlog->toolTip().contains(QStringLiteral("Trying again")));

    // A probe process that does not finish (a loaded machine, a stuck file system): stopped and said so.
    const QString hanging = m_dir.filePath(QStringLiteral("hanging-inspector"));
    {
        QFile script(hanging);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexec sleep 60\n");
    }
    QVERIFY(QFile::setPermissions(hanging, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    ProbeRunner::setProgram(hanging);
    QTRY_VERIFY2_WITH_TIMEOUT(backlog->toolTip().contains(QStringLiteral("did not finish within 10000 ms")),
                              qPrintable(backlog->toolTip()), 40000);
    QCOMPARE(strip()->backlogText(), QStringLiteral("backlog ?"));

    // Back to a working probe: a figure again, and the usual explanation.
    restore.dismiss();
    ProbeRunner::setProgram(test::inspectorPath());
    QTRY_VERIFY_WITH_TIMEOUT(strip()->backlogText().endsWith(QStringLiteral(" frames")) ||
                                 strip()->backlogText().endsWith(QStringLiteral(" frame")),
                             30000);
    QVERIFY(backlog->toolTip().startsWith(QStringLiteral("Frames in the WAL")));

    // Nothing open yet: "–", and the tooltips say so.
    Connection idle;
    MainWindow window(&idle);
    auto *other = window.findChild<HealthStrip *>();
    QVERIFY(other);
    QCOMPARE(other->walText(), QStringLiteral("-wal –"));
    QCOMPARE(other->backlogText(), QStringLiteral("backlog –"));
    for (const char *name : {"healthWal", "healthShm", "healthBacklog"})
        QVERIFY2(other->findChild<QLabel *>(QLatin1String(name))
                     ->toolTip()
                     .contains(QStringLiteral("No database is open")),
                 name);
}

QTEST_MAIN(TestHealthStrip)
#include "tst_healthstrip.moc"
