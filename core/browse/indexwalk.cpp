#include "browse/indexwalk.h"

#include "database.h"

namespace kalito {

namespace {

struct Candidate
{
    QString name;
    QStringList keys;
    QList<bool> descending;
};

// The table's indexes a walk can step through: whole (not partial), keyed by columns only.
QList<Candidate> candidates(Database &db, const QString &tableName)
{
    QList<Candidate> found;
    const SqlResult list =
        db.select(QStringLiteral("SELECT name FROM pragma_index_list(?) WHERE partial = 0"), {tableName});
    for (const QVariantList &row : list.rows) {
        Candidate c;
        c.name = row.value(0).toString();
        const SqlResult info =
            db.select(QStringLiteral("SELECT cid, name, desc, coll FROM pragma_index_xinfo(?) "
                                     "WHERE key = 1 ORDER BY seqno"),
                      {c.name});
        bool columnsOnly = info.ok() && !info.rows.isEmpty();
        for (const QVariantList &column : info.rows) {
            // An expression (-2) has no name to compare it by; a collation of the backend's own
            // (not one of SQLite's three) is not defined on this connection.
            const QString collation = column.value(3).toString().toUpper();
            if (column.value(0).toLongLong() < 0 || column.value(1).isNull() ||
                (collation != QLatin1String("BINARY") && collation != QLatin1String("NOCASE") &&
                 collation != QLatin1String("RTRIM"))) {
                columnsOnly = false;
                break;
            }
            c.keys << Database::quoteIdentifier(column.value(1).toString()) + QStringLiteral(" COLLATE ") +
                          Database::quoteIdentifier(column.value(3).toString());
            c.descending << (column.value(2).toInt() != 0);
        }
        if (columnsOnly)
            found << c;
    }
    return found;
}

// The index the planner reads, covering, for count(*) with the filter; empty when none.
QString plannersIndex(Database &db, const QString &tableName, const QString &where, const QVariantList &binds,
                      const QList<Candidate> &eligible)
{
    const QString filter =
        where.isEmpty() ? QString() : QStringLiteral(" WHERE (") + where + QLatin1Char(')');
    // sql-ok: the table is quoted; the filter is the caller's SQL of quoted identifiers and ?s, its values
    // bound
    const SqlResult plan = db.select(QStringLiteral("EXPLAIN QUERY PLAN SELECT count(*) FROM %1%2")
                                         .arg(Database::quoteIdentifier(tableName), filter),
                                     binds);
    const int detail = int(plan.columns.indexOf(QStringLiteral("detail")));
    for (const QVariantList &row : plan.rows) {
        const QString text = row.value(detail).toString();
        for (const Candidate &c : eligible) {
            const QString using_ = QStringLiteral("USING COVERING INDEX ") + c.name;
            const qsizetype at = text.indexOf(using_);
            if (at >= 0 &&
                (at + using_.size() == text.size() || text.at(at + using_.size()) == QLatin1Char(' ')))
                return c.name;
        }
    }
    return QString();
}

// The index whose leaf pages hold the most entries, from a sample of its first kSampleLeaves leaves
// (dbstat walks the b-tree in order and stops at the LIMIT: a few hundred KB read): every index of
// a table holds one entry per row, so the fullest leaves make the fewest pages to read. The
// planner's choice (`planned`) stands unless another is more than 5 % fuller, and when dbstat cannot
// tell (not compiled in, an error). Measured on the ten-million benchmark: the planner takes
// idx_messages_session_created (two columns: smaller entries), 1,286 MB with 32 entries a leaf;
// idx_messages_session_importance_created has three columns but 44 entries a leaf, 935 MB (the
// first one's leaves are split by inserts at the front of each session's range, created_at DESC).
QString fullestLeaves(Database &db, const QList<Candidate> &eligible, const QString &planned)
{
    constexpr int kSampleLeaves = 128;
    QString best = planned;
    double bestPerLeaf = -1, plannedPerLeaf = -1;
    for (const Candidate &c : eligible) {
        const SqlResult r =
            db.select(QStringLiteral("SELECT count(*), total(ncell) FROM (SELECT ncell FROM dbstat "
                                     "WHERE name = ? AND pagetype = 'leaf' LIMIT ?)"),
                      {c.name, kSampleLeaves});
        if (!r.ok() || r.rows.isEmpty())
            return planned;
        const qint64 leaves = r.rows.first().value(0).toLongLong();
        const double perLeaf = leaves > 0 ? r.rows.first().value(1).toDouble() / double(leaves) : 0;
        if (c.name == planned)
            plannedPerLeaf = perLeaf;
        if (perLeaf > bestPerLeaf) {
            bestPerLeaf = perLeaf;
            best = c.name;
        }
    }
    return planned.isEmpty() || bestPerLeaf > plannedPerLeaf * 1.05 ? best : planned;
}

} // namespace

IndexWalk IndexWalk::choose(Database &db, const QString &tableName, const QString &rowid,
                            const QString &where, const QVariantList &binds)
{
    IndexWalk walk;
    if (rowid.isEmpty())
        return walk;
    const QList<Candidate> eligible = candidates(db, tableName);
    if (eligible.isEmpty())
        return walk;
    QString chosen = plannersIndex(db, tableName, where, binds, eligible);
    if (where.isEmpty() && eligible.size() > 1)
        chosen = fullestLeaves(db, eligible, chosen);
    if (chosen.isEmpty() && where.isEmpty()) {
        int fewest = -1;
        for (int i = 0; i < eligible.size(); ++i) {
            if (fewest < 0 || eligible.at(i).keys.size() < eligible.at(fewest).keys.size())
                fewest = i;
        }
        chosen = eligible.at(fewest).name;
    }
    for (const Candidate &c : eligible) {
        if (c.name != chosen)
            continue;
        walk.indexName = c.name;
        walk.index = Database::quoteIdentifier(c.name);
        walk.keys = c.keys;
        walk.descending = c.descending;
        walk.rowid = rowid;
        QStringList order;
        for (int i = 0; i < c.keys.size(); ++i)
            order << c.keys.at(i) + (c.descending.at(i) ? QStringLiteral(" DESC") : QString());
        order << rowid;
        walk.order = order.join(QStringLiteral(", "));
    }
    return walk;
}

void IndexWalk::fromStart()
{
    arms = {QStringLiteral("1")};
    armBinds = {QVariantList()};
    arm = 0;
}

void IndexWalk::after(const QVariantList &key, qint64 rowidValue)
{
    arms.clear();
    armBinds.clear();
    arm = 0;
    // "c1 IS v1 AND ... AND c(n) IS v(n)": IS compares NULL with NULL, and SQLite seeks it like =.
    auto prefix = [&](int n, QStringList *conditions, QVariantList *values) {
        for (int i = 0; i < n; ++i) {
            *conditions << keys.at(i) + QStringLiteral(" IS ?");
            *values << key.value(i);
        }
    };
    auto add = [this](const QStringList &conditions, const QVariantList &values) {
        arms << conditions.join(QStringLiteral(" AND "));
        armBinds << values;
    };
    {
        QStringList conditions;
        QVariantList values;
        prefix(int(keys.size()), &conditions, &values);
        conditions << rowid + QStringLiteral(" > ?");
        values << rowidValue;
        add(conditions, values);
    }
    for (int level = int(keys.size()) - 1; level >= 0; --level) {
        const QVariant v = key.value(level);
        const QString &column = keys.at(level);
        QStringList conditions;
        QVariantList values;
        prefix(level, &conditions, &values);
        if (!descending.at(level)) {
            // NULL sorts first: after it come all the values; after a value, the greater ones.
            if (v.isNull()) {
                add(conditions + QStringList{column + QStringLiteral(" IS NOT NULL")}, values);
            } else {
                add(conditions + QStringList{column + QStringLiteral(" > ?")}, values + QVariantList{v});
            }
        } else if (!v.isNull()) {
            // Descending: the smaller values, then the NULLs (last); after a NULL nothing.
            add(conditions + QStringList{column + QStringLiteral(" < ?")}, values + QVariantList{v});
            add(conditions + QStringList{column + QStringLiteral(" IS NULL")}, values);
        }
    }
}

} // namespace kalito
