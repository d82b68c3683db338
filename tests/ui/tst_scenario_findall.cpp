// Scenario: searching every message (issue 20). Ctrl+Shift+F and Edit > Search all messages open
// the search wherever the focus is; no progress bar stands there before a search; a long answer
// ("Stopped at the limit…") never widens the dock and squeezes the conversation; one click or
// Enter on a result opens it.
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/messagesmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/layoutsettle.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchresultsmodel.h"
#include "searchrunner.h"
#include "testsupport.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestScenarioFindAll : public QObject
{
    Q_OBJECT
private slots:
    void searchAllFromAnywhere();
};

void TestScenarioFindAll::searchAllFromAnywhere()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 8, 30);
    test::ScenarioWindow w(path);
    ui::MainWindow *window = w.window();
    window->resize(1280, 800);
    ui::SearchDock *dock = window->searchDock();
    QVERIFY(!dock->isVisible());

    // In the Edit menu, with its shortcut.
    auto *edit = window->findChild<QMenu *>(QStringLiteral("menuEdit"));
    QVERIFY(edit);
    QAction *searchAll = w.action(QStringLiteral("actionSearchAllMessages"));
    QVERIFY(searchAll);
    QVERIFY(edit->actions().contains(searchAll));
    QCOMPARE(searchAll->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+F")));

    // Ctrl+Shift+F with the focus in the conversation (where Ctrl+F finds in the conversation).
    ui::ConversationsPage *page = w.conversations();
    test::ScenarioWindow::clickRow(page->sessions()->view(), 0);
    QTRY_VERIFY(page->transcript()->model()->rowCount() > 0);
    page->transcript()->conversation()->setFocus();
    QTRY_VERIFY(page->transcript()->conversation()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(dock->isVisible());
    auto *field = dock->findChild<QLineEdit *>();
    QTRY_VERIFY(field->hasFocus());
    // Nothing searched yet: no empty "0%" bar.
    auto *bar = dock->findChild<QProgressBar *>();
    QVERIFY(!bar->isVisible());

    // A search that stops at the limit says so at length: the dock keeps its width.
    QApplication::processEvents();
    const int width = dock->width();
    const int conversationWidth = page->transcript()->width();
    dock->runner()->setMaxResults(20);
    QSignalSpy finished(dock->runner(), &SearchRunner::finished);
    test::ScenarioWindow::typeText(field, QStringLiteral("e"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 30000);
    QVERIFY(dock->runner()->limitReached());
    test::LayoutSettle::wait(); // the finished search's words laid out
    QCOMPARE(dock->width(), width);
    QCOMPARE(page->transcript()->width(), conversationWidth);

    // One click opens a result: its session, at its message.
    QTableView *results = dock->view();
    const int row = 7;
    const SearchHit hit = dock->model()->hit(row);
    test::ScenarioWindow::clickRow(results, row, ui::SearchResultsModel::SnippetColumn);
    QTRY_COMPARE(page->transcript()->model()->sessionId(), hit.sessionId);
    QTRY_COMPARE(page->transcript()->model()->messageIdAt(page->transcript()->currentRow()), hit.messageId);

    // Enter on another opens that one.
    const int other = 2;
    QVERIFY(dock->model()->hit(other).messageId != hit.messageId);
    results->setFocus();
    results->setCurrentIndex(dock->model()->index(other, ui::SearchResultsModel::SnippetColumn));
    QTest::keyClick(results, Qt::Key_Return);
    QTRY_COMPARE(page->transcript()->model()->messageIdAt(page->transcript()->currentRow()),
                 dock->model()->hit(other).messageId);
}

QTEST_MAIN(TestScenarioFindAll)
#include "tst_scenario_findall.moc"
