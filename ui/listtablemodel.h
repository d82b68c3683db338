#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace kalito::ui {

// A flat table over a QList of plain structs (one struct a row), the boilerplate written once:
// row and column counts that are 0 under any valid parent, data() that checks its index (valid,
// parent invalid) before a subclass sees it, a reset when the rows are replaced, and horizontal
// headers from a list of column titles. A subclass gives the titles and the cells.
template<typename Row> class ListTableModel : public QAbstractTableModel
{
public:
    explicit ListTableModel(int columns, QObject *parent = nullptr)
        : QAbstractTableModel(parent), m_columns(columns)
    {}

    // Replaces every row (a model reset).
    void setRows(const QList<Row> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }
    const QList<Row> &rows() const { return m_rows; }
    // The row's struct, or nullptr when there is no such row.
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final
    {
        // An invalid index gets nothing, quietly: Qt's views ask for one (Qt 6.4's item view copies
        // the current cell on Ctrl+C without checking there is one). Any other bad index warns.
        if (!index.isValid())
            return QVariant();
        using O = QAbstractItemModel::CheckIndexOption;
        if (!checkIndex(index, O::IndexIsValid | O::ParentIsInvalid))
            return QVariant();
        return cell(m_rows.at(index.row()), index.row(), index.column(), role);
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        return section >= 0 && section < m_columns ? QVariant(headers().value(section)) : QVariant();
    }

protected:
    // The column titles, one per column (tr() at call time, so a language change shows).
    virtual QStringList headers() const = 0;
    // The cell of a checked index.
    virtual QVariant cell(const Row &item, int row, int column, int role) const = 0;

    // Rows added at the end (views keep their place; no reset).
    void appendRows(const QList<Row> &rows)
    {
        if (rows.isEmpty())
            return;
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(rows.size()) - 1);
        m_rows += rows;
        endInsertRows();
    }
    // The first `count` rows removed (the oldest of a capped log).
    void removeFirstRows(int count)
    {
        count = qMin(count, int(m_rows.size()));
        if (count <= 0)
            return;
        beginRemoveRows(QModelIndex(), 0, count - 1);
        m_rows.remove(0, count);
        endRemoveRows();
    }

private:
    QList<Row> m_rows;
    int m_columns;
};

} // namespace kalito::ui
