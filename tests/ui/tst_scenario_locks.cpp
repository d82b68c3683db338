// Scenario: a maintainer opens the Locks tab of the real MainWindow while a sqlite3 process holds
// the write lock: the timeline shows that process's lane with a write span, hovering tells who,
// what and for how long; the recording is saved, loaded back, and a broken file is refused.
#include "diagnosticsdock.h"
#include "lockrecording.h"
#include "lockspanel.h"
#include "lockstablemodel.h"
#include "locktimeline.h"
#include "locktimelinepane.h"
#include "lockwatchfeed.h"
#include "mainwindow.h"
#include "proberunner.h"
#include "recordingtext.h"
#include "scenario/scenariowindow.h"
#include "sqliteprocess.h"
#include "stallwatch.h"
#include "testsupport.h"

#include <QDockWidget>
#include <QFile>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolTip>
#include <QtTest>

using namespace kalito;

class TestScenarioLocks : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void timelineShowsTheWriter();

private:
    static QPushButton *button(QWidget *parent, const QString &objectName);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestScenarioLocks::initTestCase()
{
    QVERIFY(QFile::exists(test::inspectorPath()));
    ProbeRunner::setProgram(test::inspectorPath()); // the window's children are the real binary
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 4, 6);
}

QPushButton *TestScenarioLocks::button(QWidget *parent, const QString &objectName)
{
    return parent->findChild<QPushButton *>(objectName);
}

void TestScenarioLocks::timelineShowsTheWriter()
{
    test::SqliteProcess writer(m_path);
    QVERIFY(writer.start());
    writer.exec(QStringLiteral("BEGIN IMMEDIATE;"));
    const qint64 writerPid = writer.pid();

    test::ScenarioWindow w(m_path);
    // The heartbeat of issue 12: from here on the tab's watcher, its probe and its /proc scan run
    // while the GUI thread keeps turning.
    test::StallWatch stalls;
    stalls.start();
    auto *dock = w.window()->findChild<ui::DiagnosticsDock *>();
    QVERIFY(dock);
    if (!dock->isVisible()) // View > Diagnostics
        dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    ui::LocksPanel *panel = dock->locksPanel();
    QSignalSpy scanned(panel, &ui::LocksPanel::refreshed);
    dock->tabs()->setCurrentWidget(panel); // a click on the Locks tab
    QTRY_VERIFY(panel->isVisible());
    w.watchModels();
    ui::LockTimelinePane *pane = panel->timelinePane();
    ui::LockTimeline *timeline = pane->timeline();

    // The lane of the writer appears, with a write span on the -shm's write lock.
    QTRY_VERIFY_WITH_TIMEOUT(timeline->lanePids().contains(writerPid), 30000);
    QVERIFY(timeline->laneLabel(writerPid).contains(QStringLiteral("sqlite3")));
    QVERIFY(timeline->laneLabel(writerPid).contains(QString::number(writerPid)));
    QVERIFY(pane->statusText().startsWith(QStringLiteral("Live")));
    QTRY_VERIFY(timeline->pointOf(writerPid, QStringLiteral("wal-write")).x() >= 0);
    bool openWrite = false;
    for (const LockRecording::Span &s : pane->shownRecording().spans())
        openWrite |= s.pid == writerPid && s.lock == QLatin1String("wal-write") && s.write && s.isOpen();
    QVERIFY(openWrite);
    // The window's own connection has a lane too, named as this inspector.
    QTRY_VERIFY(timeline->lanePids().contains(QCoreApplication::applicationPid()));
    QVERIFY(
        timeline->laneLabel(QCoreApplication::applicationPid()).contains(QStringLiteral("this inspector")));

    // Hovering the span: who, which lock, since when, still held.
    const QPoint over = timeline->pointOf(writerPid, QStringLiteral("wal-write"));
    QHelpEvent hover(QEvent::ToolTip, over, timeline->mapToGlobal(over));
    QCoreApplication::sendEvent(timeline, &hover);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString tip = QToolTip::text();
    for (const QString &part : {QStringLiteral("pid %1").arg(writerPid), QStringLiteral("sqlite3"),
                                QStringLiteral("wal-write (write) on the -shm"), QStringLiteral("still held"),
                                QStringLiteral("WAL frames at the start")})
        QVERIFY2(tip.contains(part), qPrintable(tip));
    QToolTip::hideText();

    // Zoom: the buttons change the visible time; follow now moves with the clock.
    const qint64 visible = timeline->visibleMs();
    button(pane, QStringLiteral("lockZoomIn"))->click();
    QVERIFY(timeline->visibleMs() < visible);
    button(pane, QStringLiteral("lockZoomOut"))->click();
    button(pane, QStringLiteral("lockZoomOut"))->click();
    QVERIFY(timeline->visibleMs() > visible);
    QVERIFY(timeline->followsNow());

    // The writer commits: its write span ends.
    writer.exec(QStringLiteral("COMMIT;"));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const LockRecording::Span &s : pane->shownRecording().spans()) {
                if (s.pid == writerPid && s.lock == QLatin1String("wal-write") && !s.isOpen())
                    return true;
            }
            return false;
        }(),
        30000);

    // At least one /proc scan of the tab (probe child, then the worker thread) inside the heartbeat.
    QTRY_VERIFY_WITH_TIMEOUT(scanned.size() >= 1, 30000);
    QVERIFY(panel->diagnosisText().contains(QString::number(writerPid)) ||
            panel->locksModel()->rowCount() > 0);
    stalls.stop();
    QString stalled;
    QVERIFY2(stalls.report(QStringLiteral("Locks tab live"), &stalled), qPrintable(stalled));

    // Save, then load it back: the same holds.
    const QString saved = m_dir.filePath(QStringLiteral("locks.jsonl"));
    QString answer = saved;
    pane->setFileDialog([&answer](QWidget *, bool, const QString &) { return answer; });
    const QList<LockRecording::Span> live = pane->shownRecording().spans(); // no event runs until saved
    button(pane, QStringLiteral("lockSaveRecording"))->click();
    QVERIFY(QFile::exists(saved));
    QVERIFY(w.modals().texts().isEmpty());
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    LockRecording fromFile;
    RecordingFault why;
    QVERIFY2(LockRecording::parse(f.readAll(), &fromFile, &why), qPrintable(RecordingText::fault(why)));
    f.close();
    button(pane, QStringLiteral("lockLoadRecording"))->click();
    QVERIFY(pane->showsLoadedRecording());
    QVERIFY(!timeline->followsNow());
    QVERIFY(pane->shownRecording().spans() == fromFile.spans());
    QVERIFY(pane->shownRecording().spans() == live);
    QVERIFY(timeline->lanePids().contains(writerPid));
    QVERIFY(pane->statusText().contains(QStringLiteral("locks.jsonl")));
    QVERIFY(w.modals().texts().isEmpty());

    // A broken file: a message naming it and the reason; what is shown stays as it was.
    const QString broken = m_dir.filePath(QStringLiteral("broken.jsonl"));
    {
        QFile b(broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(fromFile.toJsonLines().left(40) + "\n{\"event\":\"acquired\"}\n");
    }
    const QByteArray before = pane->shownRecording().toJsonLines();
    answer = broken;
    button(pane, QStringLiteral("lockLoadRecording"))->click();
    QTRY_COMPARE(w.modals().texts().size(), 1);
    const QString message = w.modals().texts().constFirst();
    QVERIFY2(message.contains(broken) && message.contains(QStringLiteral("line 1: not JSON")),
             qPrintable(message));
    QCOMPARE(pane->shownRecording().toJsonLines(), before);
    QVERIFY(pane->statusText().contains(QStringLiteral("locks.jsonl")));

    // The database itself is refused as a recording, before anything opens it.
    w.modals().clear();
    answer = m_path;
    button(pane, QStringLiteral("lockLoadRecording"))->click();
    QTRY_COMPARE(w.modals().texts().size(), 1);
    QVERIFY2(w.modals().texts().constFirst().contains(QStringLiteral("the open database's own file")),
             qPrintable(w.modals().texts().constFirst()));
    QCOMPARE(pane->shownRecording().toJsonLines(), before);

    // A recording made on the command line (with its watch and stop lines) loads too.
    const QString cli = m_dir.filePath(QStringLiteral("cli.jsonl"));
    const test::Run made =
        test::inspector({QStringLiteral("locks"), QStringLiteral("--watch"), QStringLiteral("--duration"),
                         QStringLiteral("0.3"), QStringLiteral("--jsonl"), cli, m_path});
    QCOMPARE(made.exitCode, 0);
    w.modals().clear();
    answer = cli;
    button(pane, QStringLiteral("lockLoadRecording"))->click();
    QVERIFY(w.modals().texts().isEmpty());
    QVERIFY(pane->statusText().contains(QStringLiteral("cli.jsonl")));
    QVERIFY(timeline->lanePids().contains(writerPid)); // its connection: dms and shared, since the start
    QVERIFY(timeline->lanePids().contains(QCoreApplication::applicationPid()));

    // Back to live: the feed is still running and the timeline follows now again.
    button(pane, QStringLiteral("lockBackToLive"))->click();
    QVERIFY(!pane->showsLoadedRecording());
    QVERIFY(timeline->followsNow());
    QVERIFY(pane->feed()->isRunning());
    w.quit();
}

QTEST_MAIN(TestScenarioLocks)
#include "tst_scenario_locks.moc"
