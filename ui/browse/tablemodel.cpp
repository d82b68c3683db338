#include "tablemodel.h"

#include "browse/tablequery.h"
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
    endResetModel();
    const QString reason = TableQuery::unpageableReason(table);
    if (!reason.isEmpty()) {
        clear();
        return reason;
    }
    setSpec(TableQuery::spec(table));
    return QString();
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return m_columns.value(section);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section < m_table.columns.size())
        return m_table.columns.at(section).type;
    return QAbstractTableModel::headerData(section, orientation, role);
}

QVariant TableModel::rowData(const QVariantList &row, int column, int role) const
{
    const QVariant v = row.value(column);
    switch (role) {
    case Qt::DisplayRole:
        return v.isNull() ? QStringLiteral("NULL") : DisplayText::cell(v);
    case Qt::ForegroundRole:
        return v.isNull() ? QVariant(QBrush(QPalette().color(QPalette::PlaceholderText))) : QVariant();
    default:
        return QVariant();
    }
}

} // namespace kalito::ui
