// Scenario: reading a session (issue 20). The right column gives its room to the pins and summaries
// (the conversation already shows every message whole) until the reader opens a message in full;
// *italic* Markdown is drawn in italics, like **bold** in bold.
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/markdownblocks.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/notespane.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"

#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestScenarioReadingRoom : public QObject
{
    Q_OBJECT
private slots:
    void pinsGetTheRoomUntilAMessageIsOpened();
    void italicIsItalic();
};

void TestScenarioReadingRoom::pinsGetTheRoomUntilAMessageIsOpened()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 5, 12);
    test::ScenarioWindow w(path);
    w.window()->resize(1280, 800);
    ui::ConversationsPage *page = w.conversations();
    test::ScenarioWindow::clickRow(page->sessions()->view(), 0);
    ui::TranscriptView *t = page->transcript();
    QTRY_VERIFY(t->model()->rowCount() > 0);
    QApplication::processEvents();
    // A session open, no message chosen: the pins and summaries have most of the column.
    QTRY_VERIFY2(page->notes()->height() > 2 * page->detail()->height(),
                 qPrintable(QStringLiteral("notes %1, detail %2")
                                .arg(page->notes()->height())
                                .arg(page->detail()->height())));
    // The reader opens a message in full: the detail pane gets half.
    ui::ConversationView *conv = t->conversation();
    QTRY_VERIFY(!conv->visibleRows().isEmpty());
    const QRect last = conv->visibleRows().last().second.intersected(conv->viewport()->rect());
    QTest::mouseClick(conv->viewport(), Qt::LeftButton, Qt::NoModifier, last.center());
    QTRY_VERIFY(page->detail()->messageId() >= 0);
    QTRY_VERIFY2(page->detail()->height() * 3 >= page->notes()->height() * 2,
                 qPrintable(QStringLiteral("notes %1, detail %2")
                                .arg(page->notes()->height())
                                .arg(page->detail()->height())));
    // Another session: the room goes back to the pins.
    test::ScenarioWindow::clickRow(page->sessions()->view(), 1);
    QTRY_VERIFY(page->notes()->height() > 2 * page->detail()->height());
}

void TestScenarioReadingRoom::italicIsItalic()
{
    const auto blocks = MarkdownBlocks::parse(QStringLiteral("It was *very* late and **cold**"));
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks[0].text, QStringLiteral("It was very late and cold"));
    QCOMPARE(blocks[0].spans.size(), 2);
    QCOMPARE(blocks[0].spans[0].style, MarkdownBlocks::Span::Italic);
    QCOMPARE(blocks[0].spans[1].style, MarkdownBlocks::Span::Bold);
}

QTEST_MAIN(TestScenarioReadingRoom)
#include "tst_scenario_readingroom.moc"
