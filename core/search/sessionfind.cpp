#include "sessionfind.h"

#include "database.h"

#include <QElapsedTimer>

namespace kalito {

SessionFind::Scan SessionFind::start(const SchemaInfo &schema, const QString &sessionId,
                                     const QString &needle)
{
    Scan s;
    s.schema = schema;
    s.sessionId = sessionId;
    s.needle = needle;
    return s;
}

SessionFind::Scan SessionFind::resume(const Scan &finished)
{
    Scan s = start(finished.schema, finished.sessionId, finished.needle);
    s.after = finished.after;
    s.hits = finished.hits;
    s.walked = finished.walked;
    return s;
}

SessionFind::Scan SessionFind::run(Database &db, const SchemaInfo &schema, const QString &sessionId,
                                   const QString &needle)
{
    Scan s = start(schema, sessionId, needle);
    while (!s.done)
        step(db, s);
    return s;
}

void SessionFind::step(Database &db, Scan &s)
{
    if (!s.planned) {
        s.planned = true;
        const QString table = QStringLiteral("messages");
        if (s.needle.isEmpty() || !s.schema.hasColumn(table, QStringLiteral("text")) ||
            !s.schema.hasColumn(table, QStringLiteral("session_id")) ||
            !s.schema.hasColumn(table, QStringLiteral("id"))) {
            s.done = true;
            return;
        }
        const bool byTime = s.schema.hasColumn(table, QStringLiteral("created_at"));
        const TextMatch textMatch(s.needle);
        const QString match = textMatch.sqlCondition(QStringLiteral("m.text"));
        s.pattern = textMatch.sqlPattern();
        // Every message of the step comes back (its key moves the walk on), with whether it matches:
        // the LIMIT bounds the messages read, not the hits, so a step's work is bounded.
        // sql-ok: the key columns and the match are constants chosen above; values are bound
        s.sql =
            byTime ? QStringLiteral("SELECT m.id, m.created_at, %1 FROM messages AS m WHERE m.session_id = ? "
                                    "AND (m.created_at, m.id) > (?, ?) ORDER BY m.created_at, m.id LIMIT ?")
                         .arg(match)
                   // sql-ok: as above, without created_at (ordered by id)
                   : QStringLiteral("SELECT m.id, NULL, %1 FROM messages AS m WHERE m.session_id = ? "
                                    "AND m.id > ? ORDER BY m.id LIMIT ?")
                         .arg(match);
    }
    const bool byTime = s.sql.contains(QStringLiteral("created_at, m.id) >"));
    QString sql = s.sql;
    QVariantList binds{s.pattern, s.sessionId};
    if (s.after.isEmpty()) {
        // The first step has no lower bound (the same row-value comparison as the transcript's
        // keyset pages afterwards, so the order is the transcript's).
        // sql-ok: removes a constant condition from the constant statement above
        sql.replace(byTime ? QStringLiteral("AND (m.created_at, m.id) > (?, ?) ")
                           : QStringLiteral("AND m.id > ? "),
                    QString());
    } else {
        binds << s.after;
    }
    binds << s.rows;
    QElapsedTimer timer;
    timer.start();
    const SqlResult r = db.select(sql, binds);
    const qint64 ms = timer.elapsed();
    if (!r.ok()) {
        s.error = r.error;
        s.done = true;
        return;
    }
    for (const QVariantList &row : r.rows) {
        if (row.value(2).toInt() == 1) {
            if (s.hits.size() >= kMaxHits) {
                s.limitReached = true;
                s.done = true;
                return;
            }
            s.hits << Hit{row.value(0).toLongLong(), row.value(1)};
        }
    }
    s.walked += r.rows.size();
    if (!r.rows.isEmpty()) {
        const QVariantList &last = r.rows.last();
        s.after = byTime ? QVariantList{last.value(1), last.value(0)} : QVariantList{last.value(0)};
    }
    if (r.rows.size() < s.rows) {
        s.done = true; // the end of the session: `after` is where messages appended later start
        return;
    }
    if (ms * 2 < kTargetStepMs)
        s.rows = qMin(s.rows * 2, 200000);
    else if (ms > kTargetStepMs * 2)
        s.rows = qMax(s.rows / 2, 50);
}

} // namespace kalito
