#include "browse/sessionnotes.h"

#include "database.h"

namespace kalito {

namespace {

QString col(const SchemaInfo &schema, const QString &table, const QString &column)
{
    return schema.hasColumn(table, column) ? Database::quoteIdentifier(column) : QStringLiteral("NULL");
}

// The session's rows of one notes table: the named columns in order (a missing one reads NULL),
// ordered by the column at orderBy, then rowid.
SqlResult rowsOf(Database &db, const SchemaInfo &schema, const QString &table, const QStringList &columns,
                 int orderBy, const QString &sessionId)
{
    QStringList select;
    for (const QString &c : columns)
        select << col(schema, table, c);
    // sql-ok: col() returns a quoted column or NULL, the table name is quoted; the session id is bound
    return db.select(
        QStringLiteral("SELECT %1 FROM %2 WHERE session_id = ? ORDER BY %3, rowid")
            .arg(select.join(QStringLiteral(", ")), Database::quoteIdentifier(table), select.at(orderBy)),
        {sessionId}, SessionNotes::MaxRows);
}

} // namespace

SessionNotes SessionNotes::load(Database &db, const SchemaInfo &schema, const QString &sessionId)
{
    SessionNotes result;
    const QString pins = QStringLiteral("semantic_pins");
    result.pinsUnavailable = schema.unavailableReason(pins);
    if (result.pinsUnavailable.isEmpty()) {
        const SqlResult r =
            rowsOf(db, schema, pins,
                   {QStringLiteral("id"), QStringLiteral("content"), QStringLiteral("source_message_id"),
                    QStringLiteral("importance_score"), QStringLiteral("created_at"),
                    QStringLiteral("pin_type"), QStringLiteral("urgency_level")},
                   4, sessionId);
        if (!r.ok())
            result.error = r.error;
        for (const QVariantList &row : r.rows) {
            SessionNote n;
            n.kind = SessionNote::Kind::Pin;
            n.id = row.value(0).toString();
            n.text = row.value(1).toString();
            n.sourceMessageId = row.value(2).toString();
            n.importance = row.value(3);
            n.createdAt = row.value(4).toString();
            QStringList label;
            for (int i : {5, 6}) {
                if (!row.value(i).toString().isEmpty())
                    label << row.value(i).toString();
            }
            n.label = label.join(QStringLiteral(", "));
            result.notes << n;
        }
    }
    const QString sums = QStringLiteral("conversation_summaries");
    result.summariesUnavailable = schema.unavailableReason(sums);
    if (result.summariesUnavailable.isEmpty()) {
        const SqlResult r =
            rowsOf(db, schema, sums,
                   {QStringLiteral("id"), QStringLiteral("summary"), QStringLiteral("start_message_id"),
                    QStringLiteral("end_message_id"), QStringLiteral("importance_score"),
                    QStringLiteral("created_at"), QStringLiteral("message_count")},
                   5, sessionId);
        if (!r.ok() && !result.error.isError())
            result.error = r.error;
        for (const QVariantList &row : r.rows) {
            SessionNote n;
            n.kind = SessionNote::Kind::Summary;
            n.id = row.value(0).toString();
            n.text = row.value(1).toString();
            n.sourceMessageId = row.value(2).toString();
            n.endMessageId = row.value(3).toString();
            n.importance = row.value(4);
            n.createdAt = row.value(5).toString();
            if (!row.value(6).isNull())
                n.label = QStringLiteral("%1 messages").arg(row.value(6).toLongLong());
            result.notes << n;
        }
    }
    return result;
}

} // namespace kalito
