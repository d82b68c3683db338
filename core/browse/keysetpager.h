#pragma once

#include "browse/keysetspec.h"
#include "browse/rowpage.h"

namespace kalito {

class Database;

// Pages of a KeysetSpec. Each call runs one statement and finishes it (no read transaction is left
// open between pages). Never OFFSET, never a COUNT before rows: count() is a separate request.
class KeysetPager
{
public:
    static RowPage first(Database &db, const KeysetSpec &spec, int limit);
    // The last `limit` rows, returned in the spec's order.
    static RowPage last(Database &db, const KeysetSpec &spec, int limit);
    // Rows after key (or from key when inclusive).
    static RowPage after(Database &db, const KeysetSpec &spec, const QVariantList &key, int limit,
                         bool inclusive = false);
    // Rows before key, returned in the spec's order.
    static RowPage before(Database &db, const KeysetSpec &spec, const QVariantList &key, int limit);
    // The key `distance` rows away from `from`: forward counts from `from` itself (0 = from),
    // backward counts rows before `from` (1 = the row just before; an empty `from` means the end).
    // It walks only the key columns (an index-only scan when an index covers them); a view uses it
    // for scrollbar jumps far from any page it has seen. Clamped at the ends; empty when no row.
    static QVariantList seek(Database &db, const KeysetSpec &spec, const QVariantList &from, bool forward,
                             qint64 distance, DbError *error = nullptr);
    static qint64 count(Database &db, const KeysetSpec &spec, DbError *error = nullptr);

private:
    enum class Bound { None, After, From, Before };
    static QString keyComparison(const KeysetSpec &spec, Bound bound);
    static QString orderBy(const KeysetSpec &spec, bool reversed);
    static RowPage fetch(Database &db, const KeysetSpec &spec, Bound bound, const QVariantList &key,
                         int limit, bool reversed);
};

} // namespace kalito
