#include "browse/steppedcount.h"

#include "browse/keysetpager.h"
#include "browse/schemainfo.h"
#include "database.h"

#include <QElapsedTimer>

#include <limits>

namespace kalito {

namespace {

QString andWhere(const QString &where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" AND (") + where + QLatin1Char(')');
}

} // namespace

QString SteppedCount::rowidName(Database &db, const QString &tableName)
{
    // A column may be named rowid (or _rowid_, oid): then that name no longer reaches the rowid.
    const SqlResult kind =
        db.select(QStringLiteral("SELECT type, wr FROM pragma_table_list(?)"), {tableName});
    DbError error;
    TableInfo table;
    table.columns = SchemaInfo::readColumns(db, tableName, &error);
    if (error.isError() || !kind.ok() || kind.rows.isEmpty())
        return QString();
    table.type = kind.rows.first().value(0).toString();
    table.withoutRowid = kind.rows.first().value(1).toInt() != 0;
    return table.rowidName();
}

SteppedCount::State SteppedCount::start(const QString &tableName, const QString &rowid, const QString &where,
                                        const QVariantList &binds)
{
    State s;
    s.tableName = tableName;
    s.table = Database::quoteIdentifier(tableName);
    s.rowid = rowid;
    s.where = where;
    s.binds = binds;
    return s;
}

SteppedCount::State SteppedCount::start(const KeysetSpec &spec)
{
    if (spec.countsInSteps())
        return start(spec.table.name, spec.table.rowid, spec.where, spec.binds);
    State s;
    s.tableName = spec.table.name;
    s.whole = spec;
    return s;
}

qint64 SteppedCount::estimate(Database &db, const QString &tableName, const QString &rowid,
                              EstimateSource *source)
{
    if (source)
        *source = EstimateSource::None;
    // ANALYZE's figure when there is one: it knows about rows deleted in the middle.
    if (db.tableExists(QStringLiteral("sqlite_stat1"))) {
        const QString stat =
            db.scalar(QStringLiteral("SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1"), {tableName})
                .toString();
        bool ok = false;
        const qint64 n = stat.section(QLatin1Char(' '), 0, 0).toLongLong(&ok);
        if (ok && n >= 0) {
            if (source)
                *source = EstimateSource::Stat1;
            return n;
        }
    }
    // sql-ok: the table name is quoted, rowid is one of TableInfo::rowidName()'s three names
    const SqlResult r = db.select(QStringLiteral("SELECT (SELECT min(%1) FROM %2), (SELECT max(%1) FROM %2)")
                                      .arg(rowid, Database::quoteIdentifier(tableName)));
    if (!r.ok() || r.rows.isEmpty() || r.rows.first().value(0).isNull())
        return r.ok() ? 0 : -1;
    if (source)
        *source = EstimateSource::RowidSpan;
    // Unsigned: the span of rowids may not fit a qint64 (it wraps to 0 for the whole range).
    const quint64 span =
        quint64(r.rows.first().value(1).toLongLong()) - quint64(r.rows.first().value(0).toLongLong()) + 1;
    const quint64 most = quint64(std::numeric_limits<qint64>::max());
    return span == 0 || span > most ? qint64(most) : qint64(span);
}

void SteppedCount::step(Database &db, State &s)
{
    QElapsedTimer took;
    took.start();
    if (s.whole) {
        s.count = KeysetPager::count(db, *s.whole, &s.error);
        if (s.error.isError())
            s.count = 0;
        s.workUs += took.nsecsElapsed() / 1000;
        s.done = true;
        return;
    }
    if (!s.planned) {
        s.planned = true;
        if (s.rowid.isEmpty())
            s.rowid = rowidName(db, s.tableName);
        // Two seeks on the rowid b-tree: where the ranges start and end (two subqueries: SQLite
        // seeks for a lone min() or max(), but scans the table for both in one SELECT).
        SqlResult r;
        if (!s.rowid.isEmpty()) {
            // sql-ok: the table is quoted, rowid is one of three fixed names
            const QString sql = QStringLiteral("SELECT (SELECT min(%1) FROM %2), (SELECT max(%1) FROM %2)");
            r = db.select(sql.arg(s.rowid, s.table));
        }
        if (s.rowid.isEmpty() || !r.ok()) {
            // No rowid (WITHOUT ROWID, a view): one count(*), as long as it takes.
            // sql-ok: the filter is the caller's SQL of quoted identifiers and ? placeholders
            const QString filter =
                s.where.isEmpty() ? QString() : QStringLiteral(" WHERE (") + s.where + QLatin1Char(')');
            DbError error;
            // sql-ok: the table is quoted; the filter's values are bound
            const QVariant n =
                db.scalar(QStringLiteral("SELECT count(*) FROM %1%2").arg(s.table, filter), s.binds, &error);
            s.error = error;
            s.count = n.toLongLong();
            s.workUs += took.nsecsElapsed() / 1000;
            s.done = true;
            return;
        }
        const bool empty = r.rows.isEmpty() || r.rows.first().value(0).isNull();
        s.next = empty ? std::numeric_limits<qint64>::min() : r.rows.first().value(0).toLongLong();
        s.last = empty ? s.next : r.rows.first().value(1).toLongLong();
        s.estimate = estimate(db, s.tableName, s.rowid, &s.estimateSource);
        if (!empty) {
            s.walk = IndexWalk::choose(db, s.tableName, s.rowid, s.where, s.binds);
            if (s.walk.isValid())
                s.walk.fromStart();
        }
    }
    if (s.walk.isValid()) {
        stepIndex(db, s, took);
        return;
    }
    // The last range is open-ended and reads the table's largest rowid in the same statement (one
    // snapshot): rows appended while the earlier ranges were counted are counted here.
    // (Unsigned: rowids may span more than qint64 can subtract.)
    const bool last = s.next > s.last || quint64(s.last) - quint64(s.next) < quint64(s.width);
    QVariantList binds;
    QString sql;
    if (last) {
        // sql-ok: the table is quoted, rowid is one of three fixed names; the filter's values are bound
        sql = QStringLiteral("SELECT count(*), (SELECT max(%1) FROM %2) FROM %2 WHERE %1 >= ?%3")
                  .arg(s.rowid, s.table, andWhere(s.where));
        binds << s.next;
    } else {
        // The next range starts at the next rowid there is: sparse rowids are jumped over.
        // sql-ok: as above
        sql = QStringLiteral("SELECT count(*), (SELECT min(%1) FROM %2 WHERE %1 > ?) FROM %2 "
                             "WHERE %1 BETWEEN ? AND ?%3")
                  .arg(s.rowid, s.table, andWhere(s.where));
        binds << s.next + s.width - 1 << s.next << s.next + s.width - 1;
    }
    binds += s.binds;
    QElapsedTimer statement;
    statement.start();
    const SqlResult r = db.select(sql, binds);
    const qint64 us = qMax<qint64>(1, statement.nsecsElapsed() / 1000);
    s.workUs += took.nsecsElapsed() / 1000;
    if (!r.ok() || r.rows.isEmpty()) {
        s.error = r.error;
        s.done = true;
        return;
    }
    s.count += r.rows.first().value(0).toLongLong();
    if (last) {
        s.upToRowid = r.rows.first().value(1).toLongLong();
        s.done = true;
        return;
    }
    const QVariant following = r.rows.first().value(1);
    // Nothing beyond the range: the last step starts right after it (rows appended meanwhile).
    s.next = following.isNull() ? s.next + s.width : qMax(following.toLongLong(), s.next + s.width);
    // Aim the next range at the target time; rows are not spread evenly over rowids, so never
    // change by more than 4x at once.
    const qint64 wanted = s.width * kTargetStepMs * 1000 / us;
    s.width = qBound<qint64>(qMax<qint64>(1, s.width / 4), wanted, s.width * 4);
    s.width = qBound<qint64>(256, s.width, qint64(1) << 40);
}

void SteppedCount::stepIndex(Database &db, State &s, const QElapsedTimer &took)
{
    IndexWalk &w = s.walk;
    // Index ranges until about targetStepMs are spent, then the next request.
    while (!w.finished()) {
        // sql-ok: table and index quoted, key columns and collations quoted, rowid one of three fixed
        // names; the arm's values, the largest rowid at the start and the filter's values are bound
        const QString from = QStringLiteral("FROM %1 INDEXED BY %2 WHERE (%3) AND %4 <= ?%5")
                                 .arg(s.table, w.index, w.arms.at(w.arm), s.rowid, andWhere(s.where));
        QVariantList binds = w.armBinds.at(w.arm);
        binds << s.last;
        binds += s.binds;
        // The entry `entries` further on in the index's order: when there is one, the entries up to
        // it are `entries` many (one walk of the index, no row read), and the next range starts after it.
        QStringList select = w.keys;
        select << s.rowid;
        // sql-ok: as above; the offset is bound
        const QString boundary = QStringLiteral("SELECT %1 %2 ORDER BY %3 LIMIT 1 OFFSET ?")
                                     .arg(select.join(QStringLiteral(", ")), from, w.order);
        QElapsedTimer statement;
        statement.start();
        const SqlResult r = db.select(boundary, binds + QVariantList{s.entries - 1});
        const qint64 us = qMax<qint64>(1, statement.nsecsElapsed() / 1000);
        if (!r.ok()) {
            s.error = r.error;
            s.done = true;
            s.workUs += took.nsecsElapsed() / 1000;
            return;
        }
        if (!r.rows.isEmpty()) {
            s.count += s.entries;
            const QVariantList row = r.rows.first();
            w.after(row.mid(0, w.keys.size()), row.value(w.keys.size()).toLongLong());
            const qint64 wanted = s.entries * s.targetStepMs * 1000 / us;
            s.entries = qBound<qint64>(qMax<qint64>(1, s.entries / 4), wanted, s.entries * 4);
            s.entries = qBound<qint64>(256, s.entries, qint64(1) << 40);
        } else {
            // Fewer entries than that are left in this arm: count them, go on with the next.
            // sql-ok: as above
            const SqlResult n = db.select(QStringLiteral("SELECT count(*) ") + from, binds);
            if (!n.ok() || n.rows.isEmpty()) {
                s.error = n.error;
                s.done = true;
                s.workUs += took.nsecsElapsed() / 1000;
                return;
            }
            s.count += n.rows.first().value(0).toLongLong();
            ++w.arm;
        }
        if (took.elapsed() >= s.targetStepMs)
            break;
    }
    if (!w.finished()) {
        s.workUs += took.nsecsElapsed() / 1000;
        return;
    }
    // The rows appended since the count started, through the rowid b-tree, and the table's largest
    // rowid, in one statement (one snapshot).
    // sql-ok: the table is quoted, rowid is one of three fixed names; the filter's values are bound
    const QString sql = QStringLiteral("SELECT count(*), (SELECT max(%1) FROM %2) FROM %2 WHERE %1 > ?%3")
                            .arg(s.rowid, s.table, andWhere(s.where));
    const SqlResult r = db.select(sql, QVariantList{s.last} + s.binds);
    s.workUs += took.nsecsElapsed() / 1000;
    s.done = true;
    if (!r.ok() || r.rows.isEmpty()) {
        s.error = r.error;
        return;
    }
    s.count += r.rows.first().value(0).toLongLong();
    s.upToRowid = r.rows.first().value(1).toLongLong();
}

SteppedCount::State SteppedCount::run(Database &db, State state)
{
    while (!state.done)
        step(db, state);
    return state;
}

} // namespace kalito
