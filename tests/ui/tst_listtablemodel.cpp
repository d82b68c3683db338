// ListTableModel: the list models' shared boilerplate, checked once on a model of its own (each
// real model keeps its own test under QAbstractItemModelTester).
#include "listtablemodel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>

using namespace kalito::ui;

namespace {

struct Pair
{
    QString name;
    int value = 0;
};

class PairModel : public ListTableModel<Pair>
{
public:
    PairModel() : ListTableModel(2) {}
    using ListTableModel::appendRows;
    using ListTableModel::removeFirstRows;

protected:
    QStringList headers() const override { return {QStringLiteral("Name"), QStringLiteral("Value")}; }
    QVariant cell(const Pair &p, int row, int column, int role) const override
    {
        if (role == Qt::UserRole)
            return row;
        if (role != Qt::DisplayRole)
            return {};
        return column == 0 ? QVariant(p.name) : QVariant(p.value);
    }
};

QList<Pair> pairs(int n, int from = 0)
{
    QList<Pair> list;
    for (int i = from; i < from + n; ++i)
        list << Pair{QStringLiteral("p%1").arg(i), i};
    return list;
}

} // namespace

class TestListTableModel : public QObject
{
    Q_OBJECT

private slots:
    void countsAndCells();
    void indexesOfOtherModelsOrParentsGiveNothing();
    void ctrlCInAViewWithNoCurrentRowIsQuiet();
    void setRowsResetsAppendAndRemoveDoNot();
    void headersFromTheColumnList();
};

void TestListTableModel::countsAndCells()
{
    PairModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(m.columnCount(), 2);
    m.setRows(pairs(3));
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.index(2, 0).data().toString(), QStringLiteral("p2"));
    QCOMPARE(m.index(1, 1).data().toInt(), 1);
    QCOMPARE(m.index(2, 1).data(Qt::UserRole).toInt(), 2);
    QCOMPARE(m.rowAt(1)->name, QStringLiteral("p1"));
    QVERIFY(m.rowAt(3) == nullptr);
    QVERIFY(m.rowAt(-1) == nullptr);
    // Nothing under a row: a flat table.
    QCOMPARE(m.rowCount(m.index(0, 0)), 0);
    QCOMPARE(m.columnCount(m.index(0, 0)), 0);
}

void TestListTableModel::indexesOfOtherModelsOrParentsGiveNothing()
{
    PairModel m;
    m.setRows(pairs(2));
    QStandardItemModel other(2, 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("different from this model")));
    QVERIFY(!m.data(other.index(0, 0)).isValid());
    // An invalid index is nothing, without a warning (Qt's views ask for one).
    QTest::failOnWarning(QRegularExpression(QStringLiteral("not valid")));
    QVERIFY(!m.data(QModelIndex()).isValid());
}

void TestListTableModel::ctrlCInAViewWithNoCurrentRowIsQuiet()
{
    // Qt 6.4's QAbstractItemView copies the current cell on Ctrl+C and asks the model for it even
    // when there is no current cell: the model answers nothing, and warns of nothing (the monkey
    // saw "checkIndex: ... is not valid" after every such key).
    PairModel m;
    m.setRows(pairs(3));
    QTableView view;
    view.setModel(&m);
    view.show();
    QVERIFY(!view.currentIndex().isValid());
    QGuiApplication::clipboard()->setText(QStringLiteral("before"));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("not valid")));
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("before"));
    view.setCurrentIndex(m.index(1, 0));
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("p1"));
}

void TestListTableModel::setRowsResetsAppendAndRemoveDoNot()
{
    PairModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
    m.setRows(pairs(2));
    QCOMPARE(reset.size(), 1);
    m.appendRows(pairs(3, 2));
    m.appendRows({});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(inserted.first().at(2).toInt(), 4);
    m.removeFirstRows(2);
    m.removeFirstRows(0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.index(0, 0).data().toString(), QStringLiteral("p2"));
    m.removeFirstRows(10); // clamped to what there is
    QCOMPARE(m.rowCount(), 0);
    QCOMPARE(reset.size(), 1);
}

void TestListTableModel::headersFromTheColumnList()
{
    PairModel m;
    QCOMPARE(m.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(m.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QVERIFY(!m.headerData(2, Qt::Horizontal).isValid());
    QVERIFY(!m.headerData(-1, Qt::Horizontal).isValid());
    QVERIFY(!m.headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
}

QTEST_MAIN(TestListTableModel)
#include "tst_listtablemodel.moc"
