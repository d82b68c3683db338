#include "sessionfind.h"

#include "browse/keysetpager.h"
#include "browse/messagequery.h"
#include "database.h"
#include "sqlfragment.h"

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
        const TextMatch textMatch(s.needle);
        const QString createdAt = SqlFragment::columnOrNull(
            s.schema.table(table), QStringLiteral("created_at"), QStringLiteral("m"));
        // Every message of the step comes back (its key moves the walk on), with whether it matches:
        // the LIMIT bounds the messages read, not the hits, so a step's work is bounded.
        s.spec = MessageQuery::spec(s.schema, s.sessionId)
                     .withSelect({QStringLiteral("m.id"), createdAt,
                                  textMatch.sqlCondition(QStringLiteral("m.text"))},
                                 {textMatch.sqlPattern()});
    }
    QElapsedTimer timer;
    timer.start();
    const RowPage page = KeysetPager::after(db, s.spec, s.after, s.rows);
    const qint64 ms = timer.elapsed();
    if (!page.ok()) {
        s.error = page.error;
        s.done = true;
        return;
    }
    for (const QVariantList &row : page.rows) {
        if (row.value(2).toInt() == 1) {
            if (s.hits.size() >= kMaxHits) {
                s.limitReached = true;
                s.done = true;
                return;
            }
            s.hits << Hit{row.value(0).toLongLong(), row.value(1)};
        }
    }
    s.walked += page.size();
    if (!page.keys.isEmpty())
        s.after = page.keys.last();
    if (page.size() < s.rows) {
        s.done = true; // the end of the session: `after` is where messages appended later start
        return;
    }
    if (ms * 2 < kTargetStepMs)
        s.rows = qMin(s.rows * 2, 200000);
    else if (ms > kTargetStepMs * 2)
        s.rows = qMax(s.rows / 2, 50);
}

} // namespace kalito
