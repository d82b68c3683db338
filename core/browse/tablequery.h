#pragma once

#include "browse/keysetspec.h"
#include "browse/tableinfo.h"
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
    static KeysetSpec spec(const TableInfo &table);
    // The columns the grid shows, in spec select order.
    static QStringList shownColumns(const TableInfo &table);
    static QString unpageableReason(const TableInfo &table);
    // Every column of the row with this key, in full.
    static SqlResult row(Database &db, const TableInfo &table, const QVariantList &key);
};

} // namespace kalito
