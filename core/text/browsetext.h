#pragma once

#include "browse/tablequery.h"

#include <QCoreApplication>

namespace kalito {

// Why a table of the Tables tab cannot be browsed, in words (the grid's message and the list's
// tooltip).
class BrowseText
{
    Q_DECLARE_TR_FUNCTIONS(BrowseText)
public:
    // Empty for a pageable table.
    static QString paging(TableQuery::Paging paging, const QString &table);
    static QString paging(const TableInfo &table) { return paging(TableQuery::paging(table), table.name); }
};

} // namespace kalito
