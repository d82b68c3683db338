#include "diagnostics/lockspanel.h"
#include "mainwindow.h"
#include "proberunner.h"
#include "scenario/scenariowindow.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QDockWidget>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// The Locks tab as a maintainer uses it on the real window: another process's read snapshot on
// read slot 0 is named (pid, command line, user) with what it blocks, through /proc/locks and
// through the F_GETLK probe (KALITO_LOCK_SOURCE=probe, as on systems without /proc/locks).
class TestScenarioLockDiagnosis : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { ProbeRunner::setProgram(test::inspectorPath()); }
    void readSlotZeroIsNamed_data();
    void readSlotZeroIsNamed();
};

void TestScenarioLockDiagnosis::readSlotZeroIsNamed_data()
{
    QTest::addColumn<bool>("probe");
    QTest::newRow("/proc/locks") << false;
    QTest::newRow("probe") << true;
}

void TestScenarioLockDiagnosis::readSlotZeroIsNamed()
{
    QFETCH(bool, probe);
    if (probe)
        qputenv("KALITO_LOCK_SOURCE", "probe");
    else
        qunsetenv("KALITO_LOCK_SOURCE");
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 6, 5);
    test::SqliteProcess reader(path), writer(path);
    QVERIFY(reader.start() && writer.start());
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM messages;"));
    writer.exec(QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('r0', 'r0', 'p');"));

    test::ScenarioWindow w(path);
    auto *dock = w.window()->findChild<QDockWidget *>(QStringLiteral("dockDiagnostics"));
    QVERIFY(dock);
    if (!dock->isVisible()) // View > Diagnostics
        dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    auto *panel = dock->findChild<ui::LocksPanel *>();
    auto *tabs = dock->findChild<QTabWidget *>();
    QVERIFY(panel && tabs);
    // Click the Locks tab, as a person does.
    const int index = tabs->indexOf(panel);
    QVERIFY(index >= 0);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
    QTRY_COMPARE(tabs->currentWidget(), panel);

    const QString who = QStringLiteral("pid %1 (sqlite3 ").arg(reader.pid());
    const QString what = QStringLiteral("holds a read snapshot on read slot 0 (seen");
    const QString consequence = QStringLiteral("no checkpoint can copy any frame while it lasts");
    QTRY_VERIFY_WITH_TIMEOUT(panel->diagnosisText().contains(who) && panel->diagnosisText().contains(what) &&
                                 panel->diagnosisText().contains(consequence),
                             20000);
    const QString text = panel->findChild<QPlainTextEdit *>()->toPlainText();
    QVERIFY2(text.contains(who + QStringLiteral("-batch")) && text.contains(QLatin1String(", user ")),
             qPrintable(text));
    QCOMPARE(panel->report().fromProbe(), probe);
    reader.exec(QStringLiteral("COMMIT;"));
    // Released: the panel refreshes by itself and the sentence goes.
    QTRY_VERIFY_WITH_TIMEOUT(!panel->diagnosisText().contains(what), 20000);
    w.quit();
    qunsetenv("KALITO_LOCK_SOURCE");
}

QTEST_MAIN(TestScenarioLockDiagnosis)
#include "tst_scenario_lockdiagnosis.moc"
