#include "browse/sessionnotes.h"

#include "database.h"

namespace kalito {

namespace {

QString col(const SchemaInfo &schema, const QString &table, const QString &column)
{
    return schema.hasColumn(table, column) ? Database::quoteIdentifier(column) : QStringLiteral("NULL");
}

} // namespace

SessionNotes SessionNotes::load(Database &db, const SchemaInfo &schema, const QString &sessionId)
{
    SessionNotes result;
    const QString pins = QStringLiteral("semantic_pins");
    result.pinsUnavailable = schema.unavailableReason(pins);
    if (result.pinsUnavailable.isEmpty()) {
        // sql-ok: col() returns a quoted column or NULL; the session id is bound
        const SqlResult r = db.select(
            QStringLiteral("SELECT %1, %2, %3, %4, %5, %6, %7 FROM semantic_pins WHERE session_id = ? "
                           "ORDER BY %5, rowid")
                .arg(col(schema, pins, QStringLiteral("id")), col(schema, pins, QStringLiteral("content")),
                     col(schema, pins, QStringLiteral("source_message_id")),
                     col(schema, pins, QStringLiteral("importance_score")),
                     col(schema, pins, QStringLiteral("created_at")),
                     col(schema, pins, QStringLiteral("pin_type")),
                     col(schema, pins, QStringLiteral("urgency_level"))),
            {sessionId}, MaxRows);
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
        // sql-ok: col() returns a quoted column or NULL; the session id is bound
        const SqlResult r = db.select(
            QStringLiteral(
                "SELECT %1, %2, %3, %4, %5, %6, %7 FROM conversation_summaries WHERE session_id = ? "
                "ORDER BY %6, rowid")
                .arg(col(schema, sums, QStringLiteral("id")), col(schema, sums, QStringLiteral("summary")),
                     col(schema, sums, QStringLiteral("start_message_id")),
                     col(schema, sums, QStringLiteral("end_message_id")),
                     col(schema, sums, QStringLiteral("importance_score")),
                     col(schema, sums, QStringLiteral("created_at")),
                     col(schema, sums, QStringLiteral("message_count"))),
            {sessionId}, MaxRows);
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
