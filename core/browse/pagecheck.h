#pragma once

#include "browse/keysetspec.h"
#include "browse/pageplan.h"
#include "browse/rowpage.h"

namespace kalito {

class Database;

// A page came back with fewer rows than the count says it holds. On a sound file only a write
// between the count and the page does that; on a damaged one an index lacks rows that its table
// has (PRAGMA quick_check does not see it, integrity_check does): the count walks one index, the
// page another, and the row the page's index lacks would stay blank forever. PageCheck reads the
// page and the count again in one snapshot, through the indexes and from the table alone
// (KeysetSpec::tableAlone()), and returns the table's rows with RowPage::damage set when they differ.
class PageCheck
{
public:
    static RowPage recheck(Database &db, const KeysetSpec &spec, const PagePlan &plan);
    // Rows the page should hold by `count` (-1 when unknown).
    static qint64 expectedRows(int page, int pageSize, qint64 count);
    // The indexes SQLite walks for the spec's first page (in its order) or its count (EXPLAIN QUERY PLAN).
    static QStringList indexesUsed(Database &db, const KeysetSpec &spec, bool forCount);
};

} // namespace kalito
