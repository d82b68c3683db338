// The Overview and the Diagnostics dock as a person reads them on the real MainWindow: settings with
// their names, file sizes that follow another process's writes without F5, a tree that keeps what
// the user collapsed, checkpoint results and the WAL plot in KiB/MiB.
#include "browse/browserwidget.h"
#include "checkpointpanel.h"
#include "connection.h"
#include "demodatabase.h"
#include "diagnosticsdock.h"
#include "livepage.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"
#include "walsizeplot.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFileInfo>
#include <QPushButton>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>
#include <vector>

using namespace kalito;

namespace {

void clickTab(QTabWidget *tabs, QWidget *page)
{
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(page)).center());
}

QString walShown(const QString &path)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    return wal.exists() ? QLocale().formattedDataSize(wal.size()) : QStringLiteral("absent");
}

} // namespace

class TestScenarioOverview : public QObject
{
    Q_OBJECT
private slots:
    // The heartbeat of every scenario (ScenarioWindow): the longest GUI stall of each test, reported.
    void cleanup() { m_scenario->reportStalls(); }
    void initTestCase();
    void cleanupTestCase();
    void settingsShowTheirNames();
    void followsAnotherProcessWithoutF5();
    void keepsCollapsedGroupsAndScrollAcrossRefresh();
    void checkpointFromTheDockInDataSizes();
    void walPlotOnAnEmptyWal();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<test::ScenarioWindow> m_scenario;
    ui::MainWindow *m_window = nullptr;
    ui::OverviewPage *m_overview = nullptr;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestScenarioOverview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("kalito.db"));
    DemoOptions options;
    options.path = m_path;
    options.sessions = 10;
    options.messagesPerSession = 20;
    QVERIFY(!DemoDatabase::create(options).error.isError());
    m_scenario = std::make_unique<test::ScenarioWindow>(m_path);
    m_window = m_scenario->window();
    m_overview = m_window->findChild<ui::OverviewPage *>();
    QVERIFY(m_overview);
    auto *dock = m_window->findChild<ui::DiagnosticsDock *>();
    QVERIFY(dock);
    for (QAbstractItemModel *m :
         {dock->livePage()->settingsTree()->model(), dock->checkpointPanel()->results()->model()})
        m_testers.emplace_back(std::make_unique<QAbstractItemModelTester>(
            m, QAbstractItemModelTester::FailureReportingMode::Fatal));
    // Every model of the window runs under the tester (ScenarioWindow) except Qt's own behind its
    // item widgets; two of those are flat and are watched here too. The open started the
    // overview's report (MainWindow reloads it): wait until it is shown whole.
    QTRY_VERIFY_WITH_TIMEOUT(!m_overview->isCounting() && m_overview->tree()->topLevelItemCount() >= 3,
                             20000);
    clickTab(m_window->browser()->tabs(), m_overview);
    QTRY_VERIFY(m_overview->isVisible());
}

void TestScenarioOverview::cleanupTestCase()
{
    m_testers.clear();
    m_window = nullptr;
    m_scenario->quit();
    m_scenario.reset();
}

void TestScenarioOverview::settingsShowTheirNames()
{
    const QString settings = QStringLiteral("Connection settings");
    QCOMPARE(m_overview->valueOf(settings, QStringLiteral("synchronous")), QStringLiteral("NORMAL (1)"));
    QCOMPARE(m_overview->valueOf(settings, QStringLiteral("temp_store")), QStringLiteral("MEMORY (2)"));
    QCOMPARE(m_overview->valueOf(settings, QStringLiteral("journal_mode")), QStringLiteral("WAL"));
    QCOMPARE(m_overview->valueOf(settings, QStringLiteral("foreign_keys")), QStringLiteral("on"));
    QVERIFY2(m_overview->valueOf(settings, QStringLiteral("cache_size"))
                 .startsWith(QStringLiteral("1000 pages (about ")),
             qPrintable(m_overview->valueOf(settings, QStringLiteral("cache_size"))));
    QVERIFY(m_overview->valueOf(settings, QStringLiteral("busy_timeout")).endsWith(QStringLiteral(" ms")));
    // The Diagnostics dock's settings tree takes the names from the same place.
    auto *dock = m_window->findChild<ui::DiagnosticsDock *>();
    QVERIFY(dock);
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    ui::LivePage *live = dock->livePage();
    clickTab(dock->tabs(), live);
    live->refreshInfo();
    QTRY_VERIFY_WITH_TIMEOUT(
        !live->settingsTree()->findItems(QStringLiteral("synchronous"), Qt::MatchExactly).isEmpty(), 10000);
    QTreeWidgetItem *sync =
        live->settingsTree()->findItems(QStringLiteral("synchronous"), Qt::MatchExactly).first();
    QCOMPARE(sync->text(1), QStringLiteral("NORMAL (1)"));
    QCOMPARE(sync->text(2), QStringLiteral("NORMAL (1)"));
    dock->toggleViewAction()->trigger();
}

void TestScenarioOverview::followsAnotherProcessWithoutF5()
{
    const QString files = QStringLiteral("Files");
    const QString tables = QStringLiteral("Kalito tables");
    QTRY_COMPARE_WITH_TIMEOUT(m_overview->valueOf(files, QStringLiteral("-wal")), walShown(m_path), 10000);
    const QString before = m_overview->valueOf(files, QStringLiteral("-wal"));
    const qint64 walBefore = QFileInfo(m_path + QStringLiteral("-wal")).size();
    // Another process writes about 2 MB; the inspector's connection keeps the -wal from being reset.
    test::sqlite3(m_path, QStringLiteral(
                              "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 400) "
                              "INSERT INTO messages (session_id, role, text, created_at) "
                              "SELECT (SELECT id FROM sessions LIMIT 1), 'user', hex(randomblob(2500)), "
                              "'2030-01-01T00:00:00.000Z' FROM c;"));
    QVERIFY(QFileInfo(m_path + QStringLiteral("-wal")).size() > walBefore);
    QTRY_COMPARE_WITH_TIMEOUT(m_overview->valueOf(files, QStringLiteral("-wal")), walShown(m_path), 10000);
    QVERIFY(m_overview->valueOf(files, QStringLiteral("-wal")) != before);
    // The whole report follows too (the data_version watcher), still without F5.
    const QString messages = QLocale().toString(
        test::sqlite3(m_path, QStringLiteral("SELECT count(*) FROM messages;")).toLongLong());
    QTRY_COMPARE_WITH_TIMEOUT(m_overview->valueOf(tables, QStringLiteral("messages")), messages, 10000);
}

void TestScenarioOverview::keepsCollapsedGroupsAndScrollAcrossRefresh()
{
    QTreeWidget *tree = m_overview->tree();
    QTreeWidgetItem *settings = tree->topLevelItem(1);
    QTreeWidgetItem *tables = tree->topLevelItem(2);
    QVERIFY(settings && tables);
    QVERIFY(settings->isExpanded());
    // The person selects the settings group, collapses it with the Left key, and scrolls down.
    tree->scrollToItem(settings);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(settings).center());
    QTRY_COMPARE(tree->currentItem(), settings);
    QTest::keyClick(tree, Qt::Key_Left);
    QTRY_VERIFY(!settings->isExpanded());
    tree->resize(tree->width(), 80); // small enough to scroll
    tree->verticalScrollBar()->setValue(tree->verticalScrollBar()->maximum());
    const int scroll = tree->verticalScrollBar()->value();
    QTreeWidgetItem *messages = nullptr;
    for (int i = 0; i < tables->childCount(); ++i) {
        if (tables->child(i)->text(0) == QLatin1String("messages"))
            messages = tables->child(i);
    }
    QVERIFY(messages);
    QSignalSpy shown(m_overview, &ui::OverviewPage::reportShown);
    QTest::keyClick(m_window, Qt::Key_F5);
    QVERIFY(shown.wait(10000));
    // The same items, updated in place: nothing re-expanded, nothing scrolled back.
    QCOMPARE(tree->topLevelItem(1), settings);
    QCOMPARE(tree->topLevelItem(2), tables);
    QVERIFY(tables->indexOfChild(messages) >= 0);
    QVERIFY(!settings->isExpanded());
    QCOMPARE(tree->verticalScrollBar()->value(), scroll);
    settings->setExpanded(true);
}

void TestScenarioOverview::checkpointFromTheDockInDataSizes()
{
    auto *dock = m_window->findChild<ui::DiagnosticsDock *>();
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    ui::CheckpointPanel *panel = dock->checkpointPanel();
    clickTab(dock->tabs(), panel);
    QTRY_VERIFY(panel->isVisible());
    QPushButton *passive = nullptr;
    for (QPushButton *b : panel->findChildren<QPushButton *>()) {
        if (b->text() == QLatin1String("PASSIVE"))
            passive = b;
    }
    QVERIFY(passive);
    QSignalSpy done(panel, &ui::CheckpointPanel::finished);
    QTest::mouseClick(passive, Qt::LeftButton);
    QVERIFY(done.wait(20000));
    const auto r = done.takeFirst().at(0).value<CheckpointResult>();
    QVERIFY(r.walBytesBefore > 1024 * 1024); // the 2 MB written by the other process
    QTreeWidgetItem *row = panel->results()->topLevelItem(0);
    QVERIFY(row);
    const QLocale locale;
    QCOMPARE(row->text(ui::CheckpointPanel::WalBefore), locale.formattedDataSize(r.walBytesBefore));
    QCOMPARE(row->text(ui::CheckpointPanel::WalAfter), locale.formattedDataSize(r.walBytesAfter));
    QVERIFY2(row->text(ui::CheckpointPanel::WalBefore).contains(QStringLiteral("MiB")),
             qPrintable(row->text(ui::CheckpointPanel::WalBefore)));
    QCOMPARE(row->toolTip(ui::CheckpointPanel::WalBefore),
             QStringLiteral("%1 bytes").arg(locale.toString(r.walBytesBefore)));
    QVERIFY2(panel->statusText().startsWith(QStringLiteral("PASSIVE finished in")),
             qPrintable(panel->statusText()));
    dock->toggleViewAction()->trigger();
}

void TestScenarioOverview::walPlotOnAnEmptyWal()
{
    ui::WalSizePlot plot;
    QVERIFY(plot.caption().contains(QStringLiteral("no samples")));
    plot.addSample(1000, 0);
    plot.addSample(2000, 0);
    QVERIFY2(!plot.caption().contains(QStringLiteral("1 byte")), qPrintable(plot.caption()));
    QVERIFY2(plot.caption().contains(QStringLiteral("empty")), qPrintable(plot.caption()));
    plot.addSample(3000, 4141272);
    QVERIFY2(plot.caption().contains(QLocale().formattedDataSize(4141272)), qPrintable(plot.caption()));
    plot.resize(300, 120);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot)); // paints without dividing by zero
}

QTEST_MAIN(TestScenarioOverview)
#include "tst_scenario_overview.moc"
