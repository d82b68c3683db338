// The Space page on the real MainWindow (issue 23): opened, it reads where the bytes go in the
// background; a top session (in the list or the chart) and a largest message are one click or
// Enter away from the conversation; Cancel stops a running report; it fits small screens.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/messagesmodel.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "space/spacechart.h"
#include "space/spacepage.h"
#include "testsupport.h"

#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kalito;

namespace {

void clickTab(QTabWidget *tabs, QWidget *page)
{
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(page)).center());
}

// Opens the Space page by its tab and waits for the whole report.
ui::SpacePage *openSpace(test::ScenarioWindow &w)
{
    ui::SpacePage *space = w.window()->spacePage();
    QSignalSpy shown(space, &ui::SpacePage::reportShown);
    clickTab(w.window()->browser()->tabs(), space);
    if (!space->report().complete)
        shown.wait(30000);
    return space;
}

} // namespace

class TestScenarioSpace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void topSessionOpensItsConversation();
    void chartBarOpensItsSession();
    void largestMessageOpensWithEnter();
    void cancelStopsARunningReport();
    void fitsSmallScreens_data();
    void fitsSmallScreens();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestScenarioSpace::initTestCase()
{
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 15, 40);
    QVERIFY(!m_path.isEmpty());
}

void TestScenarioSpace::topSessionOpensItsConversation()
{
    test::ScenarioWindow w(m_path);
    ui::SpacePage *space = openSpace(w);
    QVERIFY(space->report().complete);
    // Every table and index is in the figures (the demo's 13 b-trees, grouped under 7 rows).
    QCOMPARE(space->report().trees.size(), 13);
    QCOMPARE(space->tablesTree()->topLevelItemCount(), int(space->report().tables().size()));
    QVERIFY(space->tablesTree()->topLevelItem(0)->text(0).contains(QStringLiteral("messages")));
    QCOMPARE(space->report().topSessions.size(), 10);
    const SpaceSession top = space->report().topSessions.first();
    QTreeWidgetItem *sessions = space->sessionsTree()->topLevelItem(0);
    QCOMPARE(sessions->childCount(), 10);
    QTreeWidgetItem *first = sessions->child(0);
    QVERIFY(!first->toolTip(1).isEmpty());
    QTreeWidget *tree = space->sessionsTree();
    tree->scrollToItem(first);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(first).center());
    ui::ConversationsPage *page = w.conversations();
    QTRY_COMPARE(w.window()->browser()->tabs()->currentWidget(), static_cast<QWidget *>(page));
    QTRY_COMPARE(page->transcript()->model()->sessionId(), top.id);
    QTRY_COMPARE(page->transcript()->title(), top.name);
    w.reportStalls();
}

void TestScenarioSpace::chartBarOpensItsSession()
{
    test::ScenarioWindow w(m_path);
    ui::SpacePage *space = openSpace(w);
    QVERIFY(space->report().complete);
    ui::SpaceChart *chart = space->chart();
    // The sessions section is the last; its second bar is the second session by text.
    const int section = int(chart->sections().size()) - 1;
    QCOMPARE(chart->sections().at(section).bars.size(), 10);
    const QString second = space->report().topSessions.at(1).id;
    QCOMPARE(chart->sections().at(section).bars.at(1).key, second);
    QVERIFY(!chart->sections().at(section).bars.at(1).toolTip.isEmpty());
    const QRect bar = chart->barRect(section, 1);
    QVERIFY(bar.isValid());
    QTest::mouseClick(chart, Qt::LeftButton, {}, bar.center());
    QTRY_COMPARE(w.conversations()->transcript()->model()->sessionId(), second);
    w.reportStalls();
}

void TestScenarioSpace::largestMessageOpensWithEnter()
{
    test::ScenarioWindow w(m_path);
    ui::SpacePage *space = openSpace(w);
    QVERIFY(space->report().complete);
    const SpaceMessage largest = space->report().largestMessages.first();
    QCOMPARE(largest.bytes,
             test::sqlite3(m_path, QStringLiteral("SELECT max(length(CAST(text AS BLOB))) FROM messages;"))
                 .toLongLong());
    QTreeWidget *tree = space->sessionsTree();
    QTreeWidgetItem *item = tree->topLevelItem(1)->child(0);
    tree->setFocus();
    tree->setCurrentItem(item);
    QTest::keyClick(tree, Qt::Key_Return);
    ui::ConversationsPage *page = w.conversations();
    QTRY_COMPARE(page->transcript()->model()->sessionId(), largest.sessionId);
    QTRY_COMPARE(page->transcript()->model()->messageIdAt(page->transcript()->view()->currentIndex().row()),
                 largest.id);
    w.reportStalls();
}

void TestScenarioSpace::cancelStopsARunningReport()
{
    test::ScenarioWindow w(m_path);
    ui::SpacePage *space = w.window()->spacePage();
    QSignalSpy shown(space, &ui::SpacePage::reportShown);
    QSignalSpy cancelled(space, &ui::SpacePage::cancelled);
    // Cancel is pressed as the first b-tree comes in: the report is running, its next step queued.
    bool pressed = false;
    connect(space, &ui::SpacePage::progressed, space, [&](int) {
        if (pressed || !space->cancelButton()->isEnabled())
            return;
        pressed = true;
        QTest::mouseClick(space->cancelButton(), Qt::LeftButton);
    });
    clickTab(w.window()->browser()->tabs(), space);
    QTRY_VERIFY(pressed);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!space->isRunning());
    QVERIFY(!space->cancelButton()->isEnabled());
    QVERIFY(space->analyzeButton()->isEnabled());
    // Nothing more runs on the connection, and the report never completes.
    QTRY_COMPARE(w.connection()->pending(), 0);
    QVERIFY(!space->report().complete);
    QCOMPARE(shown.count(), 0);
    // Analyze again reads it whole.
    QTest::mouseClick(space->analyzeButton(), Qt::LeftButton);
    QVERIFY(pressed);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
    QVERIFY(space->report().complete);
    w.reportStalls();
}

void TestScenarioSpace::fitsSmallScreens_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1024x768") << QSize(1024, 768);
    QTest::newRow("1280x800") << QSize(1280, 800);
}

void TestScenarioSpace::fitsSmallScreens()
{
    QFETCH(QSize, size);
    test::ScenarioWindow w(m_path);
    w.window()->resize(size);
    ui::SpacePage *space = openSpace(w);
    QVERIFY(space->report().complete);
    QTRY_COMPARE(w.window()->size(), size);
    QVERIFY(space->minimumSizeHint().width() <= space->width());
    QVERIFY(space->minimumSizeHint().height() <= space->height());
    // The buttons, the chart and both tables are on the page, none squeezed to nothing.
    for (QWidget *part :
         {static_cast<QWidget *>(space->analyzeButton()), static_cast<QWidget *>(space->cancelButton()),
          static_cast<QWidget *>(space->tablesTree()), static_cast<QWidget *>(space->sessionsTree())}) {
        QVERIFY(part->isVisible());
        const QRect r(part->mapTo(space, QPoint(0, 0)), part->size());
        QVERIFY2(space->rect().contains(r), qPrintable(part->objectName()));
        QVERIFY(r.height() >= 40 || qobject_cast<QPushButton *>(part));
    }
    QVERIFY(space->chart()->visibleRegion().boundingRect().width() >= 200);
    QVERIFY(space->tablesTree()->viewport()->width() >= 250);
    QVERIFY(space->sessionsTree()->viewport()->width() >= 250);
}

QTEST_MAIN(TestScenarioSpace)
#include "tst_scenario_space.moc"
