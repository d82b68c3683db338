#include "browse/sessionquery.h"

#include "database.h"
#include "sqlfragment.h"

namespace kalito {

using SqlFragment::columnOrNull;

QStringList SessionQuery::extraColumns(const SchemaInfo &schema)
{
    QStringList extra;
    const TableInfo *t = schema.table(QStringLiteral("sessions"));
    if (!t)
        return extra;
    const QStringList shown = {QStringLiteral("id"),         QStringLiteral("name"),
                               QStringLiteral("persona_id"), QStringLiteral("model"),
                               QStringLiteral("saved"),      QStringLiteral("created_at"),
                               QStringLiteral("updated_at")};
    for (const ColumnInfo &c : t->columns) {
        if (!shown.contains(c.name, Qt::CaseInsensitive))
            extra << c.name;
    }
    return extra;
}

KeysetSpec SessionQuery::spec(const SchemaInfo &schema, const SessionFilter &filter)
{
    KeysetSpec spec;
    const QString sessions = QStringLiteral("sessions");
    const TableInfo *s = schema.table(sessions); // named as the query's aliases
    const TableInfo *p = schema.table(QStringLiteral("personas"));
    const bool personas = schema.hasColumn(QStringLiteral("personas"), QStringLiteral("id")) &&
                          schema.hasColumn(sessions, QStringLiteral("persona_id"));
    const QString personaId = columnOrNull(s, QStringLiteral("persona_id"), QStringLiteral("s"));
    const QString personaName =
        personas ? columnOrNull(p, QStringLiteral("name"), QStringLiteral("p")) : QStringLiteral("NULL");
    const QString personaIcon =
        personas ? columnOrNull(p, QStringLiteral("icon"), QStringLiteral("p")) : QStringLiteral("NULL");
    const QString name = columnOrNull(s, QStringLiteral("name"), QStringLiteral("s"));
    const QString model = columnOrNull(s, QStringLiteral("model"), QStringLiteral("s"));
    const QString saved = columnOrNull(s, QStringLiteral("saved"), QStringLiteral("s"));
    const QString created = columnOrNull(s, QStringLiteral("created_at"), QStringLiteral("s"));
    const QString updated = columnOrNull(s, QStringLiteral("updated_at"), QStringLiteral("s"));
    spec.select = {
        QStringLiteral("s.id"), name, personaId, personaName, personaIcon, model, saved, created, updated};
    for (const QString &c : extraColumns(schema))
        spec.select << QStringLiteral("s.") + Database::quoteIdentifier(c);
    spec.table.name = sessions;
    spec.table.alias = QStringLiteral("s");
    if (personas)
        spec.joins = QStringLiteral("LEFT JOIN personas p ON p.id = s.persona_id");

    QStringList where;
    if (!filter.text.isEmpty()) {
        QStringList any;
        for (const QString &c : {QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("model"),
                                 QStringLiteral("recap")}) {
            if (!s || !s->hasColumn(c))
                continue;
            any << QStringLiteral("s.") + Database::quoteIdentifier(c) +
                       QStringLiteral(" LIKE ? ESCAPE '\\'");
            spec.binds << SqlFragment::likeContains(filter.text);
        }
        where << QLatin1Char('(') + (any.isEmpty() ? QStringLiteral("0") : any.join(QStringLiteral(" OR "))) +
                     QLatin1Char(')');
    }
    if (!filter.personaId.isEmpty()) {
        where << personaId + QStringLiteral(" = ?");
        spec.binds << filter.personaId;
    }
    if (filter.saved == SessionFilter::Saved::SavedOnly)
        where << QStringLiteral("coalesce(%1, 0) != 0").arg(saved);
    else if (filter.saved == SessionFilter::Saved::UnsavedOnly)
        where << QStringLiteral("coalesce(%1, 0) = 0").arg(saved);
    spec.where = where.join(QStringLiteral(" AND "));

    spec.descending = filter.descending;
    const QString rowid = s ? s->rowidName() : QString();
    if (filter.sort == SessionFilter::SortKey::Stored) {
        spec.keys = {{rowid.isEmpty() ? QStringLiteral("s.id") : QStringLiteral("s.") + rowid}};
        return spec;
    }
    // The sort column, when the file has it; a joined persona's name can be NULL (no such persona).
    const TableInfo *sortTable = s;
    QString sortColumn;
    switch (filter.sort) {
    case SessionFilter::SortKey::Stored:
    case SessionFilter::SortKey::Updated:
        sortColumn = QStringLiteral("updated_at");
        break;
    case SessionFilter::SortKey::Created:
        sortColumn = QStringLiteral("created_at");
        break;
    case SessionFilter::SortKey::Name:
        sortColumn = QStringLiteral("name");
        break;
    case SessionFilter::SortKey::Persona:
        sortTable = personas ? p : s;
        sortColumn = personas ? QStringLiteral("name") : QStringLiteral("persona_id");
        break;
    case SessionFilter::SortKey::Model:
        sortColumn = QStringLiteral("model");
        break;
    case SessionFilter::SortKey::Saved:
        sortColumn = QStringLiteral("saved");
        break;
    }
    const int column = sortTable ? sortTable->indexOf(sortColumn) : -1;
    if (column >= 0) {
        const bool joined = sortTable == p && sortTable != s;
        KeysetSpec::Key key;
        key.expression =
            (joined ? QStringLiteral("p.") : QStringLiteral("s.")) + Database::quoteIdentifier(sortColumn);
        key.nullable = joined || !sortTable->columns.at(column).notNull;
        spec.keys << key;
    }
    spec.keys << KeysetSpec::Key{QStringLiteral("s.id")};
    return spec;
}

QHash<QString, qint64> SessionQuery::messageCounts(Database &db, const QStringList &sessionIds,
                                                   DbError *error)
{
    QHash<QString, qint64> counts;
    if (sessionIds.isEmpty())
        return counts;
    QStringList qs;
    QVariantList binds;
    for (const QString &id : sessionIds) {
        qs << QStringLiteral("?");
        binds << id;
        counts.insert(id, 0);
    }
    // sql-ok: only "?" placeholders are joined in; the ids are bound
    const SqlResult r =
        db.select(QStringLiteral("SELECT session_id, count(*) FROM messages WHERE session_id IN (") +
                      qs.join(QLatin1Char(',')) + QStringLiteral(") GROUP BY session_id"),
                  binds);
    if (error)
        *error = r.error;
    for (const QVariantList &row : r.rows)
        counts.insert(row.value(0).toString(), row.value(1).toLongLong());
    return counts;
}

QString SessionQuery::name(Database &db, const SchemaInfo &schema, const QString &sessionId)
{
    if (!schema.hasColumn(QStringLiteral("sessions"), QStringLiteral("name")))
        return QString();
    return db.scalar(QStringLiteral("SELECT name FROM sessions WHERE id = ?"), {sessionId}).toString();
}

QList<QPair<QString, QString>> SessionQuery::personas(Database &db, const SchemaInfo &schema)
{
    QList<QPair<QString, QString>> list;
    if (!schema.hasColumn(QStringLiteral("personas"), QStringLiteral("id")))
        return list;
    const TableInfo *p = schema.table(QStringLiteral("personas"));
    const QString name = columnOrNull(p, QStringLiteral("name"), QStringLiteral("p"));
    const QString icon = columnOrNull(p, QStringLiteral("icon"), QStringLiteral("p"));
    // sql-ok: columnOrNull() returns a quoted column or NULL
    const SqlResult r = db.select(
        QStringLiteral("SELECT p.id, %1, %2 FROM personas p ORDER BY 2, 1").arg(name, icon), {}, 10000);
    for (const QVariantList &row : r.rows) {
        const QString label = (row.value(2).toString() + QLatin1Char(' ') +
                               (row.value(1).isNull() ? row.value(0).toString() : row.value(1).toString()))
                                  .trimmed();
        list.append({row.value(0).toString(), label});
    }
    return list;
}

} // namespace kalito
