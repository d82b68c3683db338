#pragma once

#include "browse/keysetspec.h"
#include "browse/rowpage.h"

namespace kalito {

class Database;

// Pages of a KeysetSpec. Each call runs one statement (KeysetSpec writes it) and finishes it (no
// read transaction is left open between pages). Never OFFSET, never a COUNT before rows: count()
// is a separate request.
class KeysetPager
{
public:
    static RowPage first(Database &db, const KeysetSpec &spec, int limit);
    // The last `limit` rows, returned in the spec's order.
    static RowPage last(Database &db, const KeysetSpec &spec, int limit);
    // Rows after key (or from key when inclusive); an empty key: from the first row.
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
    // The rows before key: its position in the list (0 = the first row).
    static qint64 countBefore(Database &db, const KeysetSpec &spec, const QVariantList &key,
                              DbError *error = nullptr);

private:
    static RowPage fetch(Database &db, const KeysetSpec &spec, KeysetSpec::Bound bound,
                         const QVariantList &key, int limit, bool reversed);
    static qint64 countOf(Database &db, const KeysetSpec::Statement &statement, DbError *error);
};

} // namespace kalito
