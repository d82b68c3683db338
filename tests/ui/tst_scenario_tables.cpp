// The Tables and Personas pages used the way a person uses them, on the real MainWindow: click each
// table, each column header twice, type a filter key by key and erase it; what the grid shows is
// compared with the sqlite3 CLI's answer on the same file.
#include "browse/browserwidget.h"
#include "browse/dataversionwatcher.h"
#include "browse/tablebrowser.h"
#include "browse/tablelistpane.h"
#include "browse/tablemodel.h"
#include "browse/tablequery.h"
#include "connection.h"
#include "demodatabase.h"
#include "mainwindow.h"
#include "scenario/scenariowindow.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace kalito;

namespace {

const QChar Unit(0x1f);

void clickTab(QTabWidget *tabs, QWidget *page)
{
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(tabs->indexOf(page)).center());
}

void clickHeader(QTableView *view, int section)
{
    view->scrollTo(view->model()->index(0, section), QAbstractItemView::EnsureVisible);
    QHeaderView *h = view->horizontalHeader();
    const QPoint at(h->sectionViewportPosition(section) + h->sectionSize(section) / 2, h->height() / 2);
    QTest::mouseClick(h->viewport(), Qt::LeftButton, {}, at);
}

// What a cell of this column shows for a value as the sqlite3 CLI prints it.
QString shown(const QString &type, const QString &value)
{
    if (type == QLatin1String("null"))
        return QStringLiteral("NULL");
    if (type == QLatin1String("real"))
        return QString::number(value.toDouble(), 'g', 12);
    if (type == QLatin1String("blob"))
        return QStringLiteral("<%1 bytes>").arg(value);
    return value;
}

struct Expected
{
    QStringList rowKeys;
    QStringList cells;
    QString sql; // for the failure message
};

// The first `limit` rows of the CLI's ORDER BY, as row key and the shown text of `column`.
Expected cliOrder(const QString &path, const TableInfo &t, const QString &column, const QString &orderBy,
                  const QString &where, int limit)
{
    const QStringList keyColumns = t.rowidName().isEmpty() ? t.primaryKey() : QStringList{t.rowidName()};
    QStringList keyParts;
    for (const QString &k : keyColumns)
        keyParts << QStringLiteral("quote(\"%1\")").arg(k);
    const QString c = QStringLiteral("\"%1\"").arg(column);
    // Cells are one line: newlines, returns and tabs become spaces (blob: its length).
    const QString sql =
        QStringLiteral(
            "SELECT %1 || char(31) || typeof(%2) || char(31) || CASE typeof(%2) WHEN 'real' THEN "
            "printf('%!.17g', %2) WHEN 'blob' THEN length(%2) WHEN 'null' THEN '' ELSE "
            "replace(replace(replace(substr(%2, 1, 60), char(10), ' '), char(13), ' '), char(9), ' ') "
            "END FROM \"%3\" %4 ORDER BY %5 LIMIT %6;")
            .arg(keyParts.join(QStringLiteral(" || ',' || ")), c, t.name,
                 where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where, orderBy)
            .arg(limit);
    Expected e;
    e.sql = sql;
    const QString out = test::sqlite3(path, sql);
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList parts = line.split(Unit);
        e.rowKeys << parts.value(0);
        e.cells << shown(parts.value(1), parts.value(2));
    }
    return e;
}

QString quoteKey(const QVariantList &key)
{
    QStringList parts;
    for (const QVariant &v : key)
        parts << (v.typeId() == QMetaType::QString ? QLatin1Char('\'') + v.toString() + QLatin1Char('\'')
                                                   : v.toString());
    return parts.join(QLatin1Char(','));
}

qint64 cliCount(const QString &path, const QString &table, const QString &where)
{
    return test::sqlite3(path,
                         QStringLiteral("SELECT count(*) FROM \"%1\" %2;")
                             .arg(table, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where))
        .toLongLong();
}

// "Any shown column contains text", written independently of the inspector's LIKE: instr on
// lower-cased text (the filter ignores ASCII case).
QString containsWhere(const TableInfo &t, const QString &text)
{
    QString literal = text.toLower();
    literal.replace(QLatin1Char('\''), QStringLiteral("''"));
    QStringList any;
    for (const QString &c : TableQuery::shownColumns(t))
        any << QStringLiteral("instr(lower(\"%1\"), '%2') > 0").arg(c, literal);
    return any.join(QStringLiteral(" OR "));
}

} // namespace

class TestScenarioTables : public QObject
{
    Q_OBJECT
private slots:
    // The heartbeat of every scenario (ScenarioWindow): the longest GUI stall of each test, reported.
    void cleanup() { m_scenario->reportStalls(); }
    void initTestCase();
    void cleanupTestCase();
    void tablesPageClickEveryTableAndHeader();
    void tablesPageFilterKeyByKey();
    void realsShowTwelveDigitsAndTheFullValueOnDemand();
    void personasPageSortAndFilter();
    void tableCountsFollowAnotherProcess();

private:
    // Checks the rows the grid shows against the CLI; `orderBy` and `where` in SQL.
    void compareVisibleRows(ui::TableBrowser *page, const QString &orderBy, const QString &where);
    void sortEveryHeaderTwice(ui::TableBrowser *page);
    void typeAndEraseFilter(ui::TableBrowser *page, const QString &text);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<test::ScenarioWindow> m_scenario;
    ui::MainWindow *m_window = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tableListTester;
};

void TestScenarioTables::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("kalito.db"));
    DemoOptions options;
    options.path = m_path;
    options.sessions = 12;
    options.messagesPerSession = 25;
    QVERIFY(!DemoDatabase::create(options).error.isError());
    // A REAL that binary floating point cannot hold exactly, the way arithmetic makes them.
    test::sqlite3(m_path, QStringLiteral("UPDATE conversation_summaries SET importance_score = 0.5 + 0.42 "
                                         "WHERE rowid = (SELECT min(rowid) FROM conversation_summaries);"));
    // Every model of the window runs under the tester (ScenarioWindow), but for Qt's own behind
    // item widgets: the table list's is flat and watched here too.
    m_scenario = std::make_unique<test::ScenarioWindow>(m_path);
    m_window = m_scenario->window();
    m_tableListTester = std::make_unique<QAbstractItemModelTester>(
        m_window->browser()->tables()->tableList()->tree()->model(),
        QAbstractItemModelTester::FailureReportingMode::Fatal);
}

void TestScenarioTables::cleanupTestCase()
{
    m_tableListTester.reset();
    m_window = nullptr;
    m_scenario->quit();
    m_scenario.reset();
}

void TestScenarioTables::compareVisibleRows(ui::TableBrowser *page, const QString &orderBy,
                                            const QString &where)
{
    ui::TableModel *model = page->model();
    QTableView *view = page->view();
    const TableInfo t = model->table();
    const qint64 total = cliCount(m_path, t.name, where);
    QTRY_COMPARE_WITH_TIMEOUT(model->knownCount(), total, 20000);
    if (total == 0) {
        QCOMPARE(model->rowCount(), 0);
        return;
    }
    QCOMPARE(view->rowAt(0), 0); // a new order starts at the top
    int last = view->rowAt(view->viewport()->height() - 1);
    if (last < 0)
        last = model->rowCount() - 1;
    QTRY_VERIFY_WITH_TIMEOUT(model->cachedRow(0) && model->cachedRow(last), 20000);
    const int sortColumn = qMax(0, model->sortColumn());
    const QString columnName = model->headerData(sortColumn, Qt::Horizontal).toString();
    const Expected e = cliOrder(m_path, t, columnName, orderBy, where, last + 1);
    QVERIFY2(e.rowKeys.size() == last + 1,
             qPrintable(QStringLiteral("%1 rows from: %2").arg(e.rowKeys.size()).arg(e.sql)));
    for (int r = 0; r <= last; ++r) {
        QCOMPARE(quoteKey(model->rowKeyOf(r)), e.rowKeys.at(r));
        const QString cell = model->index(r, sortColumn).data().toString();
        QVERIFY2(cell.startsWith(e.cells.at(r)),
                 qPrintable(QStringLiteral("%1 row %2: shown '%3', sqlite3 '%4'")
                                .arg(t.name)
                                .arg(r)
                                .arg(cell, e.cells.at(r))));
    }
}

void TestScenarioTables::sortEveryHeaderTwice(ui::TableBrowser *page)
{
    ui::TableModel *model = page->model();
    QHeaderView *header = page->view()->horizontalHeader();
    const TableInfo t = model->table();
    const QString tie =
        t.rowidName().isEmpty() ? t.primaryKey().join(QStringLiteral("\", \"")) : t.rowidName();
    const QString where = model->filterText().isEmpty() ? QString() : containsWhere(t, model->filterText());
    for (int s = 0; s < model->columnCount(); ++s) {
        const QString c = model->headerData(s, Qt::Horizontal).toString();
        clickHeader(page->view(), s);
        QCOMPARE(model->sortColumn(), s);
        QVERIFY(header->isSortIndicatorShown());
        QCOMPARE(header->sortIndicatorSection(), s);
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        compareVisibleRows(page, QStringLiteral("\"%1\", \"%2\"").arg(c, tie), where);
        clickHeader(page->view(), s);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QString tieDesc = QStringLiteral("\"%1\" DESC").arg(tie);
        tieDesc.replace(QStringLiteral("\", \""), QStringLiteral("\" DESC, \""));
        compareVisibleRows(page, QStringLiteral("\"%1\" DESC, %2").arg(c, tieDesc), where);
    }
    // A third click on the last header returns to stored order.
    clickHeader(page->view(), model->columnCount() - 1);
    QCOMPARE(model->sortColumn(), -1);
    QVERIFY(!header->isSortIndicatorShown());
    compareVisibleRows(page, QStringLiteral("\"%1\"").arg(tie), where);
}

void TestScenarioTables::typeAndEraseFilter(ui::TableBrowser *page, const QString &text)
{
    ui::TableModel *model = page->model();
    QLineEdit *box = page->filterBox();
    QVERIFY(box && box->isVisible());
    const TableInfo t = model->table();
    const QString tie =
        t.rowidName().isEmpty() ? t.primaryKey().join(QStringLiteral("\", \"")) : t.rowidName();
    box->setFocus();
    auto check = [&](const QString &typed) {
        QCOMPARE(box->text(), typed);
        // Debounced: the query follows a pause in typing.
        QTRY_COMPARE_WITH_TIMEOUT(model->filterText(), typed, 10000);
        const QString where = typed.isEmpty() ? QString() : containsWhere(t, typed);
        compareVisibleRows(page, QStringLiteral("\"%1\"").arg(tie), where);
        const qint64 n = cliCount(m_path, t.name, where);
        QTRY_VERIFY2_WITH_TIMEOUT(page->statusText().contains(QLocale().toString(n)) ||
                                      page->statusText().contains(QString::number(n)),
                                  qPrintable(page->statusText()), 10000);
        if (!typed.isEmpty())
            QVERIFY2(page->statusText().contains(typed), qPrintable(page->statusText()));
    };
    for (int i = 0; i < text.size(); ++i) {
        QTest::keyClicks(box, text.mid(i, 1));
        check(text.left(i + 1));
    }
    for (int i = text.size() - 1; i >= 0; --i) {
        QTest::keyClick(box, Qt::Key_Backspace);
        check(text.left(i));
    }
}

void TestScenarioTables::tablesPageClickEveryTableAndHeader()
{
    ui::BrowserWidget *browser = m_window->browser();
    ui::TableBrowser *page = browser->tables();
    clickTab(browser->tabs(), page);
    QTRY_VERIFY(page->isVisible());
    ui::TableListPane *list = page->tableList();
    QTreeWidget *tree = list->tree();
    // Every table gets its row count, without being opened.
    QTRY_VERIFY_WITH_TIMEOUT(!list->isCounting(), 20000);
    int clicked = 0;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        const QString name = item->text(ui::TableListPane::Name);
        if (!(item->flags() & Qt::ItemIsEnabled))
            continue;
        const qint64 n = cliCount(m_path, name, QString());
        QCOMPARE(item->text(ui::TableListPane::Rows), QLocale().toString(n));
        tree->scrollToItem(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
        QTRY_COMPARE(page->currentTable(), name);
        ++clicked;
        sortEveryHeaderTwice(page);
    }
    QVERIFY(clicked >= 5);
}

void TestScenarioTables::tablesPageFilterKeyByKey()
{
    ui::TableBrowser *page = m_window->browser()->tables();
    ui::TableListPane *list = page->tableList();
    // The list's own filter, by name.
    QTest::keyClicks(list->filterBox(), QStringLiteral("mess"));
    int shownItems = 0;
    for (int i = 0; i < list->tree()->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->tree()->topLevelItem(i);
        QCOMPARE(item->isHidden(), !item->text(0).contains(QStringLiteral("mess")));
        shownItems += item->isHidden() ? 0 : 1;
    }
    QVERIFY(shownItems >= 1);
    QTreeWidgetItem *messages =
        list->tree()->findItems(QStringLiteral("messages"), Qt::MatchExactly).value(0);
    QVERIFY(messages);
    QTest::mouseClick(list->tree()->viewport(), Qt::LeftButton, {},
                      list->tree()->visualItemRect(messages).center());
    QTRY_COMPARE(page->currentTable(), QStringLiteral("messages"));
    // Letters, then characters LIKE would treat as wildcards: they must match literally.
    typeAndEraseFilter(page, QStringLiteral("The"));
    typeAndEraseFilter(page, QStringLiteral("%_'"));
    // Filter and sort together.
    QTest::keyClicks(page->filterBox(), QStringLiteral("a"));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->filterText(), QStringLiteral("a"), 10000);
    sortEveryHeaderTwice(page);
    page->filterBox()->clear();
    list->filterBox()->clear();
    for (int i = 0; i < list->tree()->topLevelItemCount(); ++i)
        QVERIFY(!list->tree()->topLevelItem(i)->isHidden());
}

void TestScenarioTables::realsShowTwelveDigitsAndTheFullValueOnDemand()
{
    ui::TableBrowser *page = m_window->browser()->tables();
    page->showTable(QStringLiteral("conversation_summaries"));
    ui::TableModel *model = page->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->cachedRow(0), 10000);
    int column = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == QLatin1String("importance_score"))
            column = c;
    }
    QVERIFY(column >= 0);
    const QModelIndex cell = model->index(0, column);
    QCOMPARE(cell.data().toString(), QStringLiteral("0.92"));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("0.9199999999999999"));
    QCOMPARE(cell.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    // Integers stay integers.
    const QModelIndex id = model->index(0, 0);
    QVERIFY(!id.data().toString().contains(QLatin1Char('.')));
    QSignalSpy shownRow(page, &ui::TableBrowser::rowShown);
    QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, page->view()->visualRect(cell).center());
    QVERIFY(shownRow.wait(10000));
    QVERIFY2(
        page->rowDetail()->toPlainText().contains(QStringLiteral("importance_score: 0.9199999999999999")),
        qPrintable(page->rowDetail()->toPlainText()));
}

void TestScenarioTables::personasPageSortAndFilter()
{
    ui::BrowserWidget *browser = m_window->browser();
    ui::TableBrowser *page = browser->personas();
    clickTab(browser->tabs(), page);
    QTRY_VERIFY(page->isVisible());
    QCOMPARE(page->currentTable(), QStringLiteral("personas"));
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->knownCount() > 0, 10000);
    sortEveryHeaderTwice(page);
    typeAndEraseFilter(page, QStringLiteral("co"));
    QTest::keyClicks(page->filterBox(), QStringLiteral("e"));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->filterText(), QStringLiteral("e"), 10000);
    sortEveryHeaderTwice(page);
}

void TestScenarioTables::tableCountsFollowAnotherProcess()
{
    // Another process writes while the Tables page is hidden; opening it shows the new counts.
    ui::BrowserWidget *browser = m_window->browser();
    QVERIFY(!browser->tables()->isVisible());
    QSignalSpy changed(browser->watcher(), &ui::DataVersionWatcher::changed);
    test::sqlite3(
        m_path,
        QStringLiteral("INSERT INTO semantic_pins (id, session_id, content, created_at) "
                       "SELECT id || '-again', session_id, 'pinned again', created_at FROM semantic_pins;"));
    const QString pins = QLocale().toString(cliCount(m_path, QStringLiteral("semantic_pins"), QString()));
    QVERIFY(changed.wait(10000)); // the window noticed the write while the page was hidden
    QVERIFY(browser->tables()->tableList()->rowsText(QStringLiteral("semantic_pins")) != pins);
    clickTab(browser->tabs(), browser->tables());
    QTRY_COMPARE_WITH_TIMEOUT(browser->tables()->tableList()->rowsText(QStringLiteral("semantic_pins")), pins,
                              10000);
}

QTEST_MAIN(TestScenarioTables)
#include "tst_scenario_tables.moc"
