#include "browse/keysetpager.h"

#include "database.h"

#include <algorithm>

namespace kalito {

namespace {

QString keyTuple(const QStringList &keys)
{
    return keys.size() == 1 ? keys.first()
                            : QLatin1Char('(') + keys.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString placeholders(int n)
{
    QStringList qs;
    for (int i = 0; i < n; ++i)
        qs << QStringLiteral("?");
    return n == 1 ? qs.first() : QLatin1Char('(') + qs.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString whereClause(const KeysetSpec &spec, const QString &extra)
{
    QStringList parts;
    if (!spec.where.isEmpty())
        parts << QLatin1Char('(') + spec.where + QLatin1Char(')');
    if (!extra.isEmpty())
        parts << extra;
    // sql-ok: KeysetSpec fragments are quoted identifiers and ?s; values travel in spec.binds
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

} // namespace

QString KeysetPager::keyComparison(const KeysetSpec &spec, Bound bound)
{
    if (bound == Bound::None)
        return QString();
    // Row values (3.15+) let SQLite seek the index on the leading key column.
    const bool greater = (bound == Bound::Before) == spec.descending;
    QString op = greater ? QStringLiteral(">") : QStringLiteral("<");
    if (bound == Bound::From)
        op += QLatin1Char('=');
    return keyTuple(spec.keys) + QLatin1Char(' ') + op + QLatin1Char(' ') +
           placeholders(int(spec.keys.size()));
}

QString KeysetPager::orderBy(const KeysetSpec &spec, bool reversed)
{
    const bool desc = spec.descending != reversed;
    QStringList parts;
    for (const QString &k : spec.keys)
        parts << k + (desc ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    return QStringLiteral(" ORDER BY ") + parts.join(QStringLiteral(", "));
}

RowPage KeysetPager::fetch(Database &db, const KeysetSpec &spec, Bound bound, const QVariantList &key,
                           int limit, bool reversed)
{
    RowPage page;
    const int nKeys = int(spec.keys.size());
    // sql-ok: KeysetSpec fragments are quoted identifiers and ?s; values travel in spec.binds
    const QString sql = QStringLiteral("SELECT ") + spec.keys.join(QStringLiteral(", ")) +
                        QStringLiteral(", ") + spec.select + QStringLiteral(" FROM ") + spec.from +
                        whereClause(spec, keyComparison(spec, bound)) + orderBy(spec, reversed) +
                        QStringLiteral(" LIMIT ?");
    QVariantList binds = spec.binds;
    if (bound != Bound::None)
        binds += key;
    binds << limit;
    const SqlResult r = db.select(sql, binds);
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
    return fetch(db, spec, inclusive ? Bound::From : Bound::After, key, limit, false);
}

RowPage KeysetPager::before(Database &db, const KeysetSpec &spec, const QVariantList &key, int limit)
{
    return fetch(db, spec, Bound::Before, key, limit, true);
}

QVariantList KeysetPager::seek(Database &db, const KeysetSpec &spec, const QVariantList &from, bool forward,
                               qint64 distance, DbError *error)
{
    // The inner query reads only key columns in key order and stops after `distance` rows; the
    // outer one keeps the farthest. No OFFSET: the walk starts at a known key, not at row 0.
    const int nKeys = int(spec.keys.size());
    QStringList aliases;
    for (int i = 0; i < nKeys; ++i)
        aliases << QStringLiteral("k%1").arg(i);
    QStringList inner;
    for (int i = 0; i < nKeys; ++i)
        inner << spec.keys.at(i) + QStringLiteral(" AS ") + aliases.at(i);
    Bound bound = Bound::None;
    if (!from.isEmpty())
        bound = forward ? Bound::From : Bound::Before;
    const qint64 take = forward ? distance + 1 : distance;
    if (take <= 0)
        return from;
    KeysetSpec outer;
    outer.keys = aliases;
    outer.descending = spec.descending;
    // sql-ok: KeysetSpec fragments are quoted identifiers and ?s; values travel in spec.binds
    const QString innerSql =
        QStringLiteral("SELECT ") + inner.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + spec.from +
        whereClause(spec, keyComparison(spec, bound)) + orderBy(spec, !forward) + QStringLiteral(" LIMIT ?");
    // sql-ok: as above; the outer query only re-orders the inner one's rows
    const QString sql = QStringLiteral("SELECT ") + aliases.join(QStringLiteral(", ")) +
                        QStringLiteral(" FROM (") + innerSql + QStringLiteral(")") + orderBy(outer, forward) +
                        QStringLiteral(" LIMIT 1");
    QVariantList binds = spec.binds;
    if (bound != Bound::None)
        binds += from;
    binds << take;
    const SqlResult r = db.select(sql, binds);
    if (error)
        *error = r.error;
    if (!r.ok() || r.rows.isEmpty())
        return {};
    // Fewer rows than asked for: clamped to the last row there is (callers seek within a count).
    return r.rows.first();
}

qint64 KeysetPager::count(Database &db, const KeysetSpec &spec, DbError *error)
{
    const QVariant v =
        // sql-ok: KeysetSpec fragments are quoted identifiers and ?s; values travel in spec.binds
        db.scalar(QStringLiteral("SELECT count(*) FROM ") + spec.from + whereClause(spec, QString()),
                  spec.binds, error);
    return v.isValid() ? v.toLongLong() : -1;
}

} // namespace kalito
