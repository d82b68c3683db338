// Scenario: a person's first minutes with the window (issue 20). The demo database says it is a
// demo, in the window, with how to open one's own; a window with nothing open says what to do next,
// also after a path that does not exist; and opening another database shows it whole, not through
// the filter and sort chosen for the last one.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "connection.h"
#include "databaseopener.h"
#include "desktopshell.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "openstatus.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"
#include "windownotice.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestScenarioFirstMinutes : public QObject
{
    Q_OBJECT
private slots:
    void theDemoSaysItIsOne();
    void aMissingPathShowsOneClearState();
    void anotherDatabaseIsShownWhole();
};

void TestScenarioFirstMinutes::theDemoSaysItIsOne()
{
    QTemporaryDir dir;
    test::ScenarioWindow w{QString()};
    ui::WindowNotice *notice = w.window()->notice();
    // Nothing open yet: the window says what to do.
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("No database is open")), qPrintable(notice->text()));
    QVERIFY(notice->openButton()->isVisible());

    // The first start makes the demo (WindowStartup): the window says it is one.
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    OpenOptions demo;
    demo.path = dir.filePath(QStringLiteral("demo/kalito.db"));
    w.window()->createDemoDatabase(demo);
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("demo database")), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QStringLiteral("File > Open")), qPrintable(notice->text()));
    QVERIFY(notice->openButton()->isVisible());

    // One's own database: no notice.
    const QString own = test::makeKalitoDb(dir.path(), QStringLiteral("own.db"), 3, 4);
    w.openThroughMenu(own);
    QTRY_VERIFY(!notice->isVisible());
    // Back on the demo, the notice's button opens what File > Open opens.
    w.openThroughMenu(demo.path);
    QTRY_VERIFY(notice->isVisible());
    QSignalSpy again(w.connection(), &Connection::opened);
    w.window()->desktopShell()->fileActions()->setDialogProvider(
        [own](QWidget *, const QString &, const QString &) { return own; });
    notice->openButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(again.size() == 1, 30000);
    QTRY_VERIFY(!notice->isVisible());
}

void TestScenarioFirstMinutes::aMissingPathShowsOneClearState()
{
    QTemporaryDir dir;
    test::ScenarioWindow w{QString()};
    QSignalSpy answered(w.window()->opener(), &ui::DatabaseOpener::opened);
    OpenOptions missing;
    missing.path = dir.filePath(QStringLiteral("nope.db"));
    w.window()->openDatabase(missing);
    QTRY_VERIFY_WITH_TIMEOUT(answered.size() == 1, 30000);
    QTRY_VERIFY(!w.modals().texts().isEmpty()); // the error dialog, answered
    // One state: no busy bar left running, and the window says why nothing is open and what to do.
    auto *status = w.window()->findChild<ui::OpenStatus *>();
    QTRY_VERIFY(!status->isVisible());
    ui::WindowNotice *notice = w.window()->notice();
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("nope.db")), qPrintable(notice->text()));
    QVERIFY2(notice->text().contains(QStringLiteral("File > Open")), qPrintable(notice->text()));
}

void TestScenarioFirstMinutes::anotherDatabaseIsShownWhole()
{
    QTemporaryDir dir;
    const QString first = test::makeKalitoDb(dir.path(), QStringLiteral("first.db"), 5, 3);
    const QString second = test::makeKalitoDb(dir.path(), QStringLiteral("second.db"), 30, 2);
    test::ScenarioWindow w(first);
    ui::SessionsPane *pane = w.conversations()->sessions();
    auto *filter = pane->findChild<QLineEdit *>();
    // A filter that hides every session of the first database, and a sort by name.
    test::ScenarioWindow::typeText(filter, QStringLiteral("Greek"));
    QTRY_COMPARE(pane->model()->knownCount(), qint64(0));
    test::ScenarioWindow::clickHeader(pane->view(), ui::SessionsModel::Name);
    QTRY_COMPARE(pane->view()->horizontalHeader()->sortIndicatorSection(), int(ui::SessionsModel::Name));

    w.openThroughMenu(second);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->knownCount(), qint64(30), 30000);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(pane->view()->horizontalHeader()->sortIndicatorSection(), -1);
    QCOMPARE(pane->model()->rowCount(), 30);
}

QTEST_MAIN(TestScenarioFirstMinutes)
#include "tst_scenario_firstminutes.moc"
