#include "browse/keysetpager.h"

#include "database.h"

#include <algorithm>

namespace kalito {

using Bound = KeysetSpec::Bound;

RowPage KeysetPager::fetch(Database &db, const KeysetSpec &spec, Bound bound, const QVariantList &key,
                           int limit, bool reversed)
{
    RowPage page;
    const int nKeys = int(spec.keyColumns().size());
    const KeysetSpec::Statement statement = spec.rows(bound, key, reversed, limit);
    const SqlResult r = db.select(statement.sql, statement.binds);
    page.error = r.error;
    if (!r.ok())
        return page;
    page.columns = r.columns.mid(nKeys);
    page.rows.reserve(r.rows.size());
    page.keys.reserve(r.rows.size());
    for (const QVariantList &row : r.rows) {
        page.keys << row.mid(0, nKeys);
        page.rows << row.mid(nKeys);
    }
    if (reversed) {
        std::reverse(page.rows.begin(), page.rows.end());
        std::reverse(page.keys.begin(), page.keys.end());
    }
    return page;
}

RowPage KeysetPager::first(Database &db, const KeysetSpec &spec, int limit)
{
    return fetch(db, spec, Bound::None, {}, limit, false);
}

RowPage KeysetPager::last(Database &db, const KeysetSpec &spec, int limit)
{
    return fetch(db, spec, Bound::None, {}, limit, true);
}

RowPage KeysetPager::after(Database &db, const KeysetSpec &spec, const QVariantList &key, int limit,
                           bool inclusive)
{
    if (key.isEmpty())
        return first(db, spec, limit);
    return fetch(db, spec, inclusive ? Bound::From : Bound::After, key, limit, false);
}

RowPage KeysetPager::before(Database &db, const KeysetSpec &spec, const QVariantList &key, int limit)
{
    return fetch(db, spec, Bound::Before, key, limit, true);
}

QVariantList KeysetPager::seek(Database &db, const KeysetSpec &spec, const QVariantList &from, bool forward,
                               qint64 distance, DbError *error)
{
    // No OFFSET: the walk starts at a known key, not at row 0.
    Bound bound = Bound::None;
    if (!from.isEmpty())
        bound = forward ? Bound::From : Bound::Before;
    const qint64 take = forward ? distance + 1 : distance;
    if (take <= 0)
        return from;
    const KeysetSpec::Statement statement = spec.farthestKey(bound, from, !forward, take);
    const SqlResult r = db.select(statement.sql, statement.binds);
    if (error)
        *error = r.error;
    if (!r.ok() || r.rows.isEmpty())
        return {};
    // Fewer rows than asked for: clamped to the last row there is (callers seek within a count).
    return r.rows.first();
}

qint64 KeysetPager::countOf(Database &db, const KeysetSpec::Statement &statement, DbError *error)
{
    const QVariant v = db.scalar(statement.sql, statement.binds, error);
    return v.isValid() ? v.toLongLong() : -1;
}

qint64 KeysetPager::count(Database &db, const KeysetSpec &spec, DbError *error)
{
    return countOf(db, spec.count(), error);
}

qint64 KeysetPager::countBefore(Database &db, const KeysetSpec &spec, const QVariantList &key, DbError *error)
{
    return countOf(db, spec.count(Bound::Before, key), error);
}

} // namespace kalito
