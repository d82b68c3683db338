#pragma once

#include "browse/tableinfo.h"
#include "dberror.h"

namespace kalito {

class Database;

// What the database holds, read with PRAGMA table_list and table_xinfo, and how it drifts from
// the Kalito schema the views know (kalito-schema.md): old files lack later columns, newer ones
// carry extras, some lack whole tables, and some are not Kalito databases at all.
struct SchemaInfo
{
    QList<TableInfo> tables; // user tables and views, sorted by name; sqlite_schema excluded
    DbError error;

    static SchemaInfo read(Database &db);
    // The columns of one table (PRAGMA table_xinfo) in table order: the one column reader, also
    // for callers that need a single table's columns and not the whole schema.
    static QList<ColumnInfo> readColumns(Database &db, const QString &table, DbError *error = nullptr);

    const TableInfo *table(const QString &name) const;
    bool hasTable(const QString &name) const { return table(name) != nullptr; }
    bool hasColumn(const QString &tableName, const QString &column) const;
    // A Kalito database has at least sessions and messages (with a session_id).
    bool isKalito() const;

    // Columns the current Kalito schema (KalitoSchema::columns) has that this table lacks (shown blank).
    QStringList missingColumns(const QString &tableName) const;
    // Columns this table has that the Kalito schema does not know (shown as extra columns).
    QStringList extraColumns(const QString &tableName) const;
    // Why a view built on this table cannot be shown (in words: ErrorText::unavailable).
    enum class Unavailable { None, NoTable, NotBrowsable, NoSessionId };
    Unavailable unavailable(const QString &tableName) const;
    bool isAvailable(const QString &tableName) const { return unavailable(tableName) == Unavailable::None; }
};

} // namespace kalito
