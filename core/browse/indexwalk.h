#pragma once

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace kalito {

class Database;

// Where a count through an index stands (SteppedCount): the index chosen, and the key ranges of it
// still to count after the last entry counted.
//
// Which index: the one whose pages hold the most entries, as measured on a sample of its first
// leaves (dbstat, a few hundred KB); the planner's choice for the same count(*) (EXPLAIN QUERY PLAN,
// which reads no data and estimates entry sizes from the declared types) unless another is clearly
// fuller. The planner alone misjudges a real file: on the ten-million benchmark it took the two-column
// messages index, 1,286 MB, over a three-column one of 935 MB (see fullestLeaves()). Measuring every
// page (dbstat over the whole index) would read as much as the count itself. An index the walk cannot
// step through exactly is never taken: a partial one (it lacks rows) or one over an expression (its
// key cannot be named in a WHERE). With a filter, only an index the planner reads as covering the
// filter (`SEARCH/SCAN t USING COVERING INDEX i`): else none, and the table is counted in rowid
// ranges as before.
//
// Step boundaries are full index keys with the rowid, so duplicate keys (one session's 100,000
// messages) are cut anywhere. The entries after a boundary (v1..vk, r) in the index's own order
// (ASC or DESC per column, NULL first in ASC and last in DESC, the index's collation) are the
// union of "arms" that each one seek of the index finds, in this order:
//   c1 IS v1 AND ... AND ck IS vk AND rowid > r
//   c1 IS v1 AND ... AND ck after vk          (after: > v ASC; < v, then IS NULL, DESC)
//   ...
//   c1 after v1
// (one row-value comparison (c1, .., rowid) > (..) would be simpler, but SQLite seeks a row-value
// range only over columns of one direction, and Kalito's indexes mix ASC and DESC.)
struct IndexWalk
{
    QString index;          // quoted; empty: no index answers (count rowid ranges)
    QString indexName;      // as the schema names it
    QStringList keys;       // per key column: its quoted name with the index's collation
    QList<bool> descending; // per key column
    QString rowid;          // the name reaching the rowid
    QString order;          // the index's order, for ORDER BY
    QStringList arms;       // conditions still to count, in index order (see above)
    QList<QVariantList> armBinds;
    int arm = 0;

    bool isValid() const { return !index.isEmpty(); }
    bool finished() const { return arm >= arms.size(); }
    // The index to count tableName's rows through (with the filter, when given); invalid when none.
    static IndexWalk choose(Database &db, const QString &tableName, const QString &rowid,
                            const QString &where = QString(), const QVariantList &binds = {});
    // From the first entry of the index.
    void fromStart();
    // After the entry (key, rowid).
    void after(const QVariantList &key, qint64 rowidValue);
};

} // namespace kalito
