#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "stallwatch.h"
#include "testsupport.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kalito;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_stalls.start(); }
    void opensADatabaseAndShowsItsTables();
    void selectingASessionShowsItsTranscript();

private:
    // The GUI thread never waits: the longest stall of the event loop while the window works,
    // reported (StallWatch::report) before the window and connection are torn down.
    void reportStalls();

    test::StallWatch m_stalls;
};

void TestMainWindow::reportStalls()
{
    m_stalls.stop();
    QString why;
    QVERIFY2(m_stalls.report(QStringLiteral("window"), &why), qPrintable(why));
}

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
    reportStalls();
}

void TestMainWindow::selectingASessionShowsItsTranscript()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 8, 12);
    Connection connection;
    ui::MainWindow window(&connection);
    window.show();
    window.openDatabase({path});
    ui::ConversationsPage *page = window.browser()->conversations();
    ui::SessionsModel *sessions = page->sessions()->model();
    QTRY_COMPARE(sessions->knownCount(), qint64(8));
    // The visible rows are fetched because the view asks for them.
    QTRY_VERIFY(!sessions->sessionIdAt(2).isEmpty());
    QTableView *list = page->sessions()->view();
    list->setCurrentIndex(sessions->index(2, ui::SessionsModel::Name));
    const QString sid = sessions->sessionIdAt(2);
    ui::MessagesModel *messages = page->transcript()->model();
    QTRY_COMPARE(messages->sessionId(), sid);
    QTRY_COMPARE(messages->rowCount(), 12);
    const QString expectedFirst = test::sqlite3(
        path, QStringLiteral(
                  "SELECT substr(replace(replace(text, char(10), ' '), char(9), ' '), 1, 30) FROM messages "
                  "WHERE session_id = '%1' ORDER BY created_at, id LIMIT 1;")
                  .arg(sid));
    QTRY_VERIFY(page->transcript()
                    ->view()
                    ->model()
                    ->index(0, ui::MessagesModel::Text)
                    .data()
                    .toString()
                    .startsWith(expectedFirst));
    QCOMPARE(messages->index(0, ui::MessagesModel::Role).data().toString(), QStringLiteral("user"));

    // Jumping to a message (what search results do) selects it and shows its full text.
    const qint64 target =
        test::sqlite3(
            path, QStringLiteral("SELECT id FROM messages WHERE session_id = '%1' ORDER BY created_at, id "
                                 "LIMIT 1 OFFSET 7;")
                      .arg(sid))
            .toLongLong();
    window.showMessage(sid, target);
    QTRY_COMPARE(page->transcript()->view()->currentIndex().row(), 7);
    QTRY_COMPARE(page->detail()->messageId(), target);
    const QString full =
        test::sqlite3(path, QStringLiteral("SELECT text FROM messages WHERE id = %1;").arg(target));
    QTRY_COMPARE(page->detail()->textEdit()->toPlainText().trimmed(), full);
    reportStalls();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
