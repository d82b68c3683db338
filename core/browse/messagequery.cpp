#include "browse/messagequery.h"

#include "browse/keysetpager.h"
#include "browse/schemainfo.h"
#include "database.h"
#include "sqlfragment.h"

namespace kalito {

namespace {

QString col(const SchemaInfo &schema, const QString &column)
{
    return SqlFragment::columnOrNull(schema.table(QStringLiteral("messages")), column, QStringLiteral("m"));
}

QList<KeysetSpec::Key> keysOf(const SchemaInfo &schema)
{
    // (created_at, id): the order of idx_messages_session_created, which a page walks. created_at
    // is taken as never NULL (Key::nullable unset, as the transcript always read it): read through
    // coalesce() the index could no longer give the order. No created_at in some drifted copy: id
    // order is the insertion order.
    if (schema.hasColumn(QStringLiteral("messages"), QStringLiteral("created_at")))
        return {{QStringLiteral("m.created_at")}, {QStringLiteral("m.id")}};
    return {{QStringLiteral("m.id")}};
}

} // namespace

QStringList MessageQuery::extraColumns(const SchemaInfo &schema)
{
    return schema.extraColumns(QStringLiteral("messages"));
}

KeysetSpec MessageQuery::spec(const SchemaInfo &schema, const QString &sessionId)
{
    KeysetSpec spec;
    const QString text = col(schema, QStringLiteral("text"));
    spec.select = {QStringLiteral("m.id"),
                   col(schema, QStringLiteral("role")),
                   QStringLiteral("substr(%1, 1, %2)").arg(text).arg(ConversationChars),
                   QStringLiteral("length(%1)").arg(text),
                   col(schema, QStringLiteral("model_id")),
                   col(schema, QStringLiteral("token_usage")),
                   col(schema, QStringLiteral("importance_score")),
                   col(schema, QStringLiteral("created_at"))};
    for (const QString &c : extraColumns(schema))
        spec.select << QStringLiteral("m.") + Database::quoteIdentifier(c);
    spec.table.name = QStringLiteral("messages");
    spec.table.alias = QStringLiteral("m");
    spec.where = QStringLiteral("m.session_id = ?");
    spec.binds = {sessionId};
    spec.keys = keysOf(schema);
    return spec;
}

MessageRecord MessageQuery::record(Database &db, qint64 messageId)
{
    MessageRecord rec;
    const SqlResult r = db.select(QStringLiteral("SELECT * FROM messages WHERE id = ?"), {messageId}, 1);
    rec.error = r.error;
    if (!r.ok() || r.rows.isEmpty())
        return rec;
    rec.found = true;
    rec.columns = r.columns;
    rec.values = r.rows.first();
    rec.id = rec.value(QStringLiteral("id")).toLongLong();
    rec.sessionId = rec.value(QStringLiteral("session_id")).toString();
    rec.role = rec.value(QStringLiteral("role")).toString();
    rec.text = rec.value(QStringLiteral("text")).toString();
    return rec;
}

qint64 MessageQuery::position(Database &db, const SchemaInfo &schema, const QString &sessionId,
                              qint64 messageId, DbError *error)
{
    // The message's key (none when it is not in this session), then an index-only count of the
    // rows before it in the transcript's order: cost grows with its position, paid once.
    const KeysetSpec transcript = spec(schema, sessionId);
    KeysetSpec one = transcript.withSelect({QStringLiteral("m.id")});
    one.where = QLatin1Char('(') + one.where + QStringLiteral(") AND m.id = ?");
    one.binds << messageId;
    const RowPage row = KeysetPager::first(db, one, 1);
    if (error)
        *error = row.error;
    if (!row.ok() || row.keys.isEmpty())
        return -1;
    return KeysetPager::countBefore(db, transcript, row.keys.first(), error);
}

} // namespace kalito
