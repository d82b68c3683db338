#include "browse/sessionnotes.h"

#include "database.h"
#include "sqlfragment.h"

#include <QElapsedTimer>

#include <limits>

namespace kalito {

namespace {

const QString kPins = QStringLiteral("semantic_pins");
const QString kSummaries = QStringLiteral("conversation_summaries");

QStringList columnsOf(int table)
{
    if (table == 0)
        return {QStringLiteral("id"),
                QStringLiteral("content"),
                QStringLiteral("source_message_id"),
                QStringLiteral("importance_score"),
                QStringLiteral("created_at"),
                QStringLiteral("pin_type"),
                QStringLiteral("urgency_level")};
    return {QStringLiteral("id"),
            QStringLiteral("summary"),
            QStringLiteral("start_message_id"),
            QStringLiteral("end_message_id"),
            QStringLiteral("importance_score"),
            QStringLiteral("created_at"),
            QStringLiteral("message_count")};
}

// The session's rows of one notes table: the named columns in order (a missing one reads NULL),
// ordered by created_at, then rowid; `where` picks the rows (its values in binds).
SqlResult rowsOf(Database &db, const SchemaInfo &schema, int table, const QString &where,
                 const QVariantList &binds)
{
    const QString name = table == 0 ? kPins : kSummaries;
    QStringList select;
    for (const QString &c : columnsOf(table))
        select << SqlFragment::columnOrNull(schema.table(name), c);
    const QString orderBy = select.at(table == 0 ? 4 : 5);
    // sql-ok: columnOrNull() returns a quoted column or NULL, the table name is quoted; values are bound
    return db.select(
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4, rowid")
            .arg(select.join(QStringLiteral(", ")), Database::quoteIdentifier(name), where, orderBy),
        binds, SessionNotes::MaxRows);
}

void appendNotes(int table, const QList<QVariantList> &rows, QList<SessionNote> &notes)
{
    for (const QVariantList &row : rows) {
        SessionNote n;
        n.id = row.value(0).toString();
        n.text = row.value(1).toString();
        n.sourceMessageId = row.value(2).toString();
        if (table == 0) {
            n.kind = SessionNote::Kind::Pin;
            n.importance = row.value(3);
            n.createdAt = row.value(4).toString();
            QStringList label;
            for (int i : {5, 6}) {
                if (!row.value(i).toString().isEmpty())
                    label << row.value(i).toString();
            }
            n.label = label.join(QStringLiteral(", "));
        } else {
            n.kind = SessionNote::Kind::Summary;
            n.endMessageId = row.value(3).toString();
            n.importance = row.value(4);
            n.createdAt = row.value(5).toString();
            if (!row.value(6).isNull())
                n.messageCount = row.value(6).toLongLong();
        }
        notes << n;
    }
}

// Whether an index starts with session_id: then the rows are found by a seek, not a scan.
bool hasSessionIndex(Database &db, const QString &table)
{
    return db.scalar(QStringLiteral(
                         "SELECT count(*) FROM pragma_index_list(?) AS l, pragma_index_info(l.name) AS i "
                         "WHERE i.seqno = 0 AND i.name = 'session_id'"),
                     {table})
               .toLongLong() > 0;
}

void finishTable(Database &db, SessionNotes::Scan &s, const SqlResult &r)
{
    if (!r.ok() && !s.result.error.isError())
        s.result.error = r.error;
    appendNotes(s.table, r.rows, s.result.notes);
    s.rowids.clear();
    s.planned = false;
    ++s.table;
    Q_UNUSED(db)
}

} // namespace

SessionNotes SessionNotes::load(Database &db, const SchemaInfo &schema, const QString &sessionId)
{
    Scan s = startScan(schema, sessionId);
    while (!s.done)
        step(db, s);
    return s.result;
}

qint64 SessionNotes::unindexedRows(Database &db, const SchemaInfo &schema)
{
    qint64 rows = 0;
    for (const QString &name : {kPins, kSummaries}) {
        if (schema.unavailable(name) != SchemaInfo::Unavailable::None || hasSessionIndex(db, name))
            continue;
        // sql-ok: the table name is quoted
        const SqlResult r =
            db.select(QStringLiteral("SELECT (SELECT min(rowid) FROM %1), (SELECT max(rowid) FROM %1)")
                          .arg(Database::quoteIdentifier(name)));
        if (r.ok() && !r.rows.isEmpty() && !r.rows.first().value(0).isNull())
            rows += qMax<qint64>(0, r.rows.first().value(1).toLongLong() -
                                        r.rows.first().value(0).toLongLong() + 1);
    }
    return rows;
}

SessionNotes::Scan SessionNotes::startScan(const SchemaInfo &schema, const QString &sessionId)
{
    Scan s;
    s.schema = schema;
    s.sessionId = sessionId;
    s.result.pinsUnavailable = schema.unavailable(kPins);
    s.result.summariesUnavailable = schema.unavailable(kSummaries);
    return s;
}

void SessionNotes::step(Database &db, Scan &s)
{
    // Skip what cannot be shown.
    while (s.table < 2 && (s.table == 0 ? s.result.pinsUnavailable : s.result.summariesUnavailable) !=
                              SchemaInfo::Unavailable::None)
        ++s.table;
    if (s.table >= 2) {
        s.done = true;
        return;
    }
    const QString name = s.table == 0 ? kPins : kSummaries;
    const QString quoted = Database::quoteIdentifier(name);
    if (!s.planned) {
        s.planned = true;
        s.indexed = hasSessionIndex(db, name);
        if (s.indexed) {
            finishTable(db, s,
                        rowsOf(db, s.schema, s.table, QStringLiteral("session_id = ?"), {s.sessionId}));
            s.done = s.table >= 2;
            return;
        }
        // sql-ok: the table name is quoted
        const SqlResult r = db.select(
            QStringLiteral("SELECT (SELECT min(rowid) FROM %1), (SELECT max(rowid) FROM %1)").arg(quoted));
        if (!r.ok()) {
            finishTable(db, s, r);
            s.done = s.table >= 2;
            return;
        }
        const bool empty = r.rows.isEmpty() || r.rows.first().value(0).isNull();
        s.next = empty ? std::numeric_limits<qint64>::min() : r.rows.first().value(0).toLongLong();
        s.last = empty ? s.next : r.rows.first().value(1).toLongLong();
    }
    // Rowid ranges; the last one is open-ended (rows appended meanwhile are included).
    const bool last = s.next > s.last || quint64(s.last) - quint64(s.next) < quint64(s.width);
    QElapsedTimer statement;
    statement.start();
    SqlResult r;
    if (last) {
        // sql-ok: the table name is quoted; the session id and the range are bound
        const QString sql = QStringLiteral("SELECT rowid FROM %1 WHERE rowid >= ? AND session_id = ?");
        r = db.select(sql.arg(quoted), {s.next, s.sessionId});
    } else {
        // sql-ok: the table name is quoted; the session id and the range are bound
        const QString sql =
            QStringLiteral("SELECT rowid FROM %1 WHERE rowid BETWEEN ? AND ? AND session_id = ?");
        r = db.select(sql.arg(quoted), {s.next, s.next + s.width - 1, s.sessionId});
    }
    const qint64 us = qMax<qint64>(1, statement.nsecsElapsed() / 1000);
    if (!r.ok()) {
        finishTable(db, s, r);
        s.done = s.table >= 2;
        return;
    }
    for (const QVariantList &row : r.rows)
        s.rowids << row.value(0).toLongLong();
    if (!last) {
        // The next range starts at the next rowid there is: sparse rowids are jumped over.
        const QVariant following =
            // sql-ok: the table name is quoted; the bound is bound
            db.scalar(QStringLiteral("SELECT min(rowid) FROM %1 WHERE rowid > ?").arg(quoted),
                      {s.next + s.width - 1});
        s.next = following.isNull() ? s.next + s.width : qMax(following.toLongLong(), s.next + s.width);
        const qint64 wanted = s.width * kTargetStepMs * 1000 / us;
        s.width = qBound<qint64>(256, qBound<qint64>(s.width / 4, wanted, s.width * 4), qint64(1) << 40);
        return;
    }
    // The rows found, read in the order the view shows them (one bound JSON array of rowids,
    // written here as text: SQLite reads 64-bit integers exactly, a QJsonArray would not keep them).
    QStringList ids;
    for (qint64 id : std::as_const(s.rowids))
        ids << QString::number(id);
    finishTable(db, s,
                rowsOf(db, s.schema, s.table, QStringLiteral("rowid IN (SELECT value FROM json_each(?))"),
                       {QLatin1Char('[') + ids.join(QLatin1Char(',')) + QLatin1Char(']')}));
    s.done = s.table >= 2;
}

} // namespace kalito
