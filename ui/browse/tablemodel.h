#pragma once

#include "browse/tableinfo.h"
#include "browse/tablesort.h"
#include "pagedmodel.h"

namespace kalito::ui {

// Any table, read-only, paged by rowid (or by primary key for WITHOUT ROWID tables), optionally
// sorted by one column and filtered by text; both go into the keyset spec, so every page is
// still one bounded statement. Columns are whatever PRAGMA table_xinfo reports, so drifted and
// unknown tables show as they are.
class TableModel : public PagedModel
{
    Q_OBJECT
public:
    enum Columns { NumColumns = 0 }; // every column comes from the table itself
    enum Roles { KeyRole = Qt::UserRole + 1 };

    explicit TableModel(Connection *connection, QObject *parent = nullptr);

    // Empty string on success, else why this table cannot be paged (the model stays empty).
    // Starts in stored order with no filter.
    QString setTable(const TableInfo &table);
    const TableInfo &table() const { return m_table; }

    // Sorts by the shown column `column` (-1: stored order) and/or keeps rows containing `text`.
    void setSort(int column, Qt::SortOrder order);
    void setFilter(const QString &text);
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sort.descending ? Qt::DescendingOrder : Qt::AscendingOrder; }
    QString filterText() const { return m_filter; }
    // The key TableQuery::row() takes for this row (empty when not cached).
    QVariantList rowKeyOf(int row) const;

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant rowData(const QVariantList &row, int column, int role) const override;

private:
    void applySpec();

    TableInfo m_table;
    QStringList m_columns;
    TableSort m_sort;
    int m_sortColumn = -1;
    QString m_filter;
};

} // namespace kalito::ui
