#include "browse/messagequery.h"

#include "browse/schemainfo.h"
#include "database.h"
#include "sqlfragment.h"

namespace kalito {

namespace {

QString col(const SchemaInfo &schema, const QString &column)
{
    return SqlFragment::columnOrNull(schema.table(QStringLiteral("messages")), column, QStringLiteral("m"));
}

QStringList keysOf(const SchemaInfo &schema)
{
    // No created_at in some drifted copy: id order is the insertion order.
    if (schema.hasColumn(QStringLiteral("messages"), QStringLiteral("created_at")))
        return {QStringLiteral("m.created_at"), QStringLiteral("m.id")};
    return {QStringLiteral("m.id")};
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
    QStringList select = {QStringLiteral("m.id"),
                          col(schema, QStringLiteral("role")),
                          QStringLiteral("substr(%1, 1, %2)").arg(text).arg(ConversationChars),
                          QStringLiteral("length(%1)").arg(text),
                          col(schema, QStringLiteral("model_id")),
                          col(schema, QStringLiteral("token_usage")),
                          col(schema, QStringLiteral("importance_score")),
                          col(schema, QStringLiteral("created_at"))};
    for (const QString &c : extraColumns(schema))
        select << QStringLiteral("m.") + Database::quoteIdentifier(c);
    spec.select = select.join(QStringLiteral(", "));
    spec.from = QStringLiteral("messages m");
    spec.scanFrom = QStringLiteral("messages m NOT INDEXED");
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
    const QStringList keys = keysOf(schema);
    QStringList inner;
    for (const QString &k : keys)
        inner << QString(k).replace(QStringLiteral("m."), QStringLiteral("x."));
    const QString tuple = keys.size() == 1
                              ? keys.first()
                              : QLatin1Char('(') + keys.join(QStringLiteral(", ")) + QLatin1Char(')');
    // An index-only count of the rows before the message: cost grows with its position, paid once.
    // sql-ok: %1/%2 are the key expressions (quoted columns); every value is bound
    const SqlResult r = db.select(
        QStringLiteral("SELECT (SELECT count(*) FROM messages m WHERE m.session_id = ? AND %1 < "
                       "(SELECT %2 FROM messages x WHERE x.id = ?)) FROM messages x WHERE x.id = ? AND "
                       "x.session_id = ?")
            .arg(tuple, inner.join(QStringLiteral(", "))),
        {sessionId, messageId, messageId, sessionId});
    if (error)
        *error = r.error;
    if (!r.ok() || r.rows.isEmpty())
        return -1;
    return r.value(0, 0).toLongLong();
}

} // namespace kalito
