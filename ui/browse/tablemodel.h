#pragma once

#include "browse/tableinfo.h"
#include "pagedmodel.h"

namespace kalito::ui {

// Any table, read-only, paged by rowid (or by primary key for WITHOUT ROWID tables). Columns are
// whatever PRAGMA table_xinfo reports, so drifted and unknown tables show as they are.
class TableModel : public PagedModel
{
    Q_OBJECT
public:
    enum Columns { NumColumns = 0 }; // every column comes from the table itself
    enum Roles { KeyRole = Qt::UserRole + 1 };

    explicit TableModel(Connection *connection, QObject *parent = nullptr);

    // Empty string on success, else why this table cannot be paged (the model stays empty).
    QString setTable(const TableInfo &table);
    const TableInfo &table() const { return m_table; }

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant rowData(const QVariantList &row, int column, int role) const override;

private:
    TableInfo m_table;
    QStringList m_columns;
};

} // namespace kalito::ui
