#pragma once

#include <QStringList>
#include <QVariantList>

namespace kalito {

// A paged query: SELECT <select> FROM <from> WHERE <where> ORDER BY <keys>. The key expressions
// together identify a row (e.g. created_at, id), so a page continues from the last key seen
// instead of an OFFSET, and every page costs the same however deep the user has scrolled.
struct KeysetSpec
{
    QString select;     // select list, identifiers already quoted
    QString from;       // table and joins
    QString where;      // filter without "WHERE"; may be empty
    QVariantList binds; // values for the ?s in where
    QStringList keys;   // key expressions, unique together; must never be NULL
    bool descending = false;
    // Set when the rows are those of one rowid table (no join): its name (unquoted) and a name that
    // reaches its rowid. A long count then runs in rowid ranges (SteppedCount).
    QString countTable;
    QString countRowid;
    // `from` with its table read alone (NOT INDEXED): the rows as the table holds them, used to
    // read a page again when the indexes lose rows the table has (a damaged file, PageCheck).
    // Empty: no such second reading.
    QString scanFrom;

    bool isValid() const { return !select.isEmpty() && !from.isEmpty() && !keys.isEmpty(); }
};

} // namespace kalito
