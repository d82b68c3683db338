#include "connection.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "testsupport.h"

#include <QApplication>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kalito;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void opensADatabaseAndShowsItsTables();
};

void TestMainWindow::opensADatabaseAndShowsItsTables()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path());
    Connection connection;
    ui::MainWindow window(&connection);
    window.show();
    QSignalSpy opened(&window, &ui::MainWindow::databaseOpened);
    window.openDatabase({path});
    QTRY_COMPARE(opened.size(), 1);
    QTRY_VERIFY(window.windowTitle().contains(path));
    // The overview's tree: the Diagnostics dock has trees of its own.
    auto *overview = window.findChild<ui::OverviewPage *>();
    QVERIFY(overview);
    auto *tree = overview->findChild<QTreeWidget *>();
    QVERIFY(tree);
    QTRY_VERIFY(!tree->findItems(QStringLiteral("messages"), Qt::MatchRecursive).isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
