#pragma once

#include <QString>

namespace kalito {

struct TableInfo;

// Pieces of SQL text that several queries build the same way; written once here.
namespace SqlFragment {

// `alias.column` (the column quoted; no alias: the column alone) when the table has the column,
// else NULL: a query over a drifted schema still has every column it selects, blank where missing.
// A null table has no columns.
QString columnOrNull(const TableInfo *table, const QString &column, const QString &alias = QString());

// A LIKE pattern that matches `text` anywhere, literally: %, _ and \ escaped with a backslash.
// Use it with ESCAPE '\'.
QString likeContains(const QString &text);

} // namespace SqlFragment

} // namespace kalito
