#include "tablemodel.h"

#include "browse/tablequery.h"
#include "browsetext.h"
#include "displaytext.h"

#include <QBrush>
#include <QPalette>

namespace kalito::ui {

TableModel::TableModel(Connection *connection, QObject *parent) : PagedModel(connection, parent) {}

QString TableModel::setTable(const TableInfo &table)
{
    beginResetModel();
    m_table = table;
    m_columns = TableQuery::shownColumns(table);
    m_sort = TableSort();
    m_sortColumn = -1;
    m_filter.clear();
    endResetModel();
    const QString reason = BrowseText::paging(table);
    if (!reason.isEmpty()) {
        clear();
        return reason;
    }
    applySpec();
    return QString();
}

void TableModel::setSort(int column, Qt::SortOrder order)
{
    const bool valid = column >= 0 && column < m_columns.size();
    m_sortColumn = valid ? column : -1;
    m_sort = valid ? TableSort{m_columns.at(column), order == Qt::DescendingOrder} : TableSort();
    applySpec();
}

void TableModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    applySpec();
}

void TableModel::applySpec()
{
    if (TableQuery::paging(m_table) != TableQuery::Paging::Pageable)
        return;
    // A new spec starts over at the first page; the count of the filtered set follows it.
    setSpec(TableQuery::spec(m_table, m_sort, m_filter));
}

QVariantList TableModel::rowKeyOf(int row) const
{
    const QVariantList key = keyOf(row);
    return key.isEmpty() ? key : TableQuery::rowKey(m_table, key);
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_columns.value(section);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section < m_columns.size()) {
        const int i = m_table.indexOf(m_columns.at(section));
        return i < 0 ? QVariant() : QVariant(m_table.columns.at(i).type);
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant TableModel::rowData(const QVariantList &row, int column, int role) const
{
    const QVariant v = row.value(column);
    switch (role) {
    case Qt::DisplayRole:
        return v.isNull() ? QStringLiteral("NULL") : DisplayText::cell(v);
    case Qt::ToolTipRole:
        // The full value: a REAL with every digit, text as far as the preview reaches.
        return v.isNull() ? QVariant() : QVariant(DisplayText::full(v));
    case Qt::TextAlignmentRole:
        return DisplayText::isNumber(v) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ForegroundRole:
        return v.isNull() ? QVariant(QBrush(QPalette().color(QPalette::PlaceholderText))) : QVariant();
    default:
        return QVariant();
    }
}

} // namespace kalito::ui
