#pragma once

#include "browse/keysetspec.h"
#include "browse/tableinfo.h"
#include "browse/tablesort.h"
#include "sqlresult.h"

namespace kalito {

class Database;

// Read-only pages of any table: keyset on the rowid, or on the primary key of a WITHOUT ROWID
// table. Cells carry a preview (long text cut, blobs summarised); row() returns one row in full.
class TableQuery
{
public:
    static constexpr int PreviewChars = 200;

    // Invalid (no keys) when the table cannot be paged (a view, a virtual table without rowid).
    // Sorted by a column (ties broken by the row's key) and keeping only rows where a shown column
    // contains `filter` (bound LIKE: %, _ and backslash are literal); stored order and every row by default.
    static KeysetSpec spec(const TableInfo &table, const TableSort &sort = TableSort(),
                           const QString &filter = QString());
    // The row's own key (what row() takes) from a key of spec(): its trailing parts.
    static QVariantList rowKey(const TableInfo &table, const QVariantList &specKey);
    // The columns the grid shows, in spec select order.
    static QStringList shownColumns(const TableInfo &table);
    // Why a table cannot be paged (BrowseText words it); Pageable when it can.
    enum class Paging { Pageable, View, NoKey };
    static Paging paging(const TableInfo &table);
    // Every column of the row with this key, in full.
    static SqlResult row(Database &db, const TableInfo &table, const QVariantList &key);
};

} // namespace kalito
