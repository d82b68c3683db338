// Scenario: a person dragging the scroll bar of a large table deep down while the backend writes
// (Tables > a table of 400,000 rows): the rows where they stopped show, and every shown row is
// the one ORDER BY puts there.
#include "browse/browserwidget.h"
#include "browse/tablebrowser.h"
#include "browse/tablelistpane.h"
#include "browse/tablemodel.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace kalito;

class TestScenarioScroll : public QObject
{
    Q_OBJECT
private slots:
    void aDeepScrollBarJumpShowsItsRowsWhileTheBackendWrites();
};

void TestScenarioScroll::aDeepScrollBarJumpShowsItsRowsWhileTheBackendWrites()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 3);
    test::sqlite3(
        path,
        QStringLiteral("CREATE TABLE journal(id INTEGER PRIMARY KEY, note TEXT);"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000) "
                       "INSERT INTO journal SELECT i, 'note ' || i FROM n;"));
    test::ScenarioWindow w(path);
    ui::BrowserWidget *browser = w.window()->browser();
    browser->tabs()->setCurrentWidget(browser->tables());
    ui::TableBrowser *tables = browser->tables();
    QTreeWidget *list = tables->tableList()->tree();
    QTRY_VERIFY(
        !list->findItems(QStringLiteral("journal"), Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
    ui::TableModel *model = tables->model();
    // The tester walks all 400,000 rows at each change, which would be all this test measures
    // (and a stall of the test's own making: 134 ms when the count arrived); the same model runs
    // under it on smaller tables in tst_scenario_tables.
    w.unwatch(model);
    test::ScenarioWindow::clickRow(
        list,
        list->indexOfTopLevelItem(list->findItems(QStringLiteral("journal"), Qt::MatchStartsWith).first()));
    QTRY_COMPARE_WITH_TIMEOUT(model->knownCount(), qint64(400000), 20000);

    // The backend appends all along: a sqlite3 process of its own, one small transaction every
    // 20 ms, fed by a shell loop (the test's event loop never waits for it).
    QProcess writer;
    // In a session of its own, so that the whole pipeline (shell, loop, sqlite3) ends with it;
    // and bounded (about a minute) in case this test dies before it stops it.
    writer.setChildProcessModifier([] { ::setsid(); });
    writer.start(
        QStringLiteral("bash"),
        {QStringLiteral("-c"),
         QStringLiteral("for i in $(seq 3000); do echo \"INSERT INTO journal(note) VALUES ('appended');\"; "
                        "sleep 0.02; done | sqlite3 -cmd '.timeout 5000' \"$0\""),
         path});
    QVERIFY(writer.waitForStarted());
    // The backend is writing before the person drags (its shell and sqlite3 take a moment to
    // start; a jump whose rows were already there could otherwise end before the first insert).
    QTRY_VERIFY_WITH_TIMEOUT(
        test::sqlite3(path, QStringLiteral("SELECT count(*) FROM journal;")).toLongLong() > 400000, 30000);
    // Drag the thumb down in steps, as a hand does, and let go at 65% (about row 260,000).
    QScrollBar *bar = tables->view()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0); // the view lays out its 400,000 rows on its next turn
    for (int step = 1; step <= 13; ++step) {
        bar->setValue(int(qint64(bar->maximum()) * step * 5 / 100));
        QTest::qWait(15); // pacing: a hand drags in steps, not a wait for something
    }
    const int top = tables->view()->rowAt(0);
    QVERIFY(top > 200000);
    // The rows where the person stopped arrive, the writer still writing.
    QElapsedTimer shown;
    shown.start();
    qDebug() << "jumped";
    QTRY_VERIFY_WITH_TIMEOUT(model->cachedRow(top) && model->cachedRow(top + 10), 30000);
    qDebug() << "rows shown after" << shown.elapsed() << "ms";
    ::kill(-pid_t(writer.processId()), SIGKILL); // the session: shell, loop and sqlite3
    writer.waitForFinished();
    QVERIFY(test::sqlite3(path, QStringLiteral("SELECT count(*) FROM journal;")).toLongLong() > 400000);
    // Each shown row is the row at that place (ids have no gaps: row r holds id r + 1).
    const int visible = tables->view()->rowAt(tables->view()->viewport()->height() - 2);
    for (int r = top; r <= qMax(top, visible); ++r) {
        QTRY_VERIFY(model->cachedRow(r));
        QCOMPARE(model->cachedRow(r)->value(0).toLongLong(), qint64(r + 1));
        QVERIFY(model->index(r, 0).data().toString() != QStringLiteral("…"));
    }
}

QTEST_MAIN(TestScenarioScroll)
#include "tst_scenario_scroll.moc"
