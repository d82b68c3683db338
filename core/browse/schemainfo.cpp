#include "browse/schemainfo.h"

#include "database.h"

namespace kalito {

SchemaInfo SchemaInfo::read(Database &db)
{
    SchemaInfo info;
    // table_list (3.37+) tells WITHOUT ROWID tables apart; the inspector needs that for keysets.
    const SqlResult list = db.select(QStringLiteral("SELECT name, type, wr FROM pragma_table_list "
                                                    "WHERE schema = 'main' ORDER BY name"));
    if (!list.ok()) {
        info.error = list.error;
        return info;
    }
    for (const QVariantList &row : list.rows) {
        TableInfo t;
        t.name = row.value(0).toString();
        t.type = row.value(1).toString();
        t.withoutRowid = row.value(2).toInt() != 0;
        if (t.name == QLatin1String("sqlite_schema") || t.name == QLatin1String("sqlite_temp_schema"))
            continue;
        const SqlResult cols = db.select(
            QStringLiteral(
                "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)"),
            {t.name});
        if (!cols.ok()) {
            info.error = cols.error;
            return info;
        }
        for (const QVariantList &c : cols.rows) {
            ColumnInfo ci;
            ci.name = c.value(0).toString();
            ci.type = c.value(1).toString();
            ci.notNull = c.value(2).toInt() != 0;
            ci.defaultValue = c.value(3);
            ci.primaryKeyIndex = c.value(4).toInt();
            ci.hidden = c.value(5).toInt();
            t.columns << ci;
        }
        info.tables << t;
    }
    return info;
}

const TableInfo *SchemaInfo::table(const QString &name) const
{
    for (const TableInfo &t : tables) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

bool SchemaInfo::hasColumn(const QString &tableName, const QString &column) const
{
    const TableInfo *t = table(tableName);
    return t && t->hasColumn(column);
}

bool SchemaInfo::isKalito() const
{
    return hasTable(QStringLiteral("sessions")) &&
           hasColumn(QStringLiteral("messages"), QStringLiteral("session_id"));
}

QStringList SchemaInfo::missingColumns(const QString &tableName) const
{
    QStringList missing;
    const TableInfo *t = table(tableName);
    if (!t)
        return missing;
    const QStringList expected = expectedColumns(tableName);
    for (const QString &c : expected) {
        if (!t->hasColumn(c))
            missing << c;
    }
    return missing;
}

QStringList SchemaInfo::extraColumns(const QString &tableName) const
{
    QStringList extra;
    const TableInfo *t = table(tableName);
    if (!t)
        return extra;
    const QStringList expected = expectedColumns(tableName);
    for (const ColumnInfo &c : t->columns) {
        if (!expected.contains(c.name, Qt::CaseInsensitive))
            extra << c.name;
    }
    return extra;
}

SchemaInfo::Unavailable SchemaInfo::unavailable(const QString &tableName) const
{
    const TableInfo *t = table(tableName);
    if (!t)
        return Unavailable::NoTable;
    if (t->type != QLatin1String("table") && t->type != QLatin1String("view"))
        return Unavailable::NotBrowsable;
    if ((tableName == QLatin1String("messages") || tableName == QLatin1String("semantic_pins") ||
         tableName == QLatin1String("conversation_summaries")) &&
        !t->hasColumn(QStringLiteral("session_id")))
        return Unavailable::NoSessionId;
    return Unavailable::None;
}

QString SchemaInfo::unavailableReason(const QString &tableName) const
{
    switch (unavailable(tableName)) {
    case Unavailable::None:
        return QString();
    case Unavailable::NoTable:
        return QStringLiteral("This database has no %1 table.").arg(tableName);
    case Unavailable::NotBrowsable:
        return QStringLiteral("%1 is a %2 table, which is not browsed.")
            .arg(tableName, table(tableName)->type);
    case Unavailable::NoSessionId:
        return tableName == QLatin1String("messages")
                   ? QStringLiteral("The messages table has no session_id column.")
                   : QStringLiteral("The %1 table has no session_id column.").arg(tableName);
    }
    return QString();
}

QStringList SchemaInfo::expectedColumns(const QString &tableName)
{
    const QString t = tableName.toLower();
    if (t == QLatin1String("sessions"))
        return {QStringLiteral("id"),
                QStringLiteral("name"),
                QStringLiteral("model"),
                QStringLiteral("recap"),
                QStringLiteral("persona_id"),
                QStringLiteral("created_at"),
                QStringLiteral("updated_at"),
                QStringLiteral("saved"),
                QStringLiteral("session_type"),
                QStringLiteral("patient_id"),
                QStringLiteral("related_record_id"),
                QStringLiteral("care_category")};
    if (t == QLatin1String("messages"))
        return {QStringLiteral("id"),
                QStringLiteral("session_id"),
                QStringLiteral("role"),
                QStringLiteral("text"),
                QStringLiteral("model_id"),
                QStringLiteral("token_usage"),
                QStringLiteral("importance_score"),
                QStringLiteral("created_at")};
    if (t == QLatin1String("personas"))
        return {QStringLiteral("id"),
                QStringLiteral("name"),
                QStringLiteral("prompt"),
                QStringLiteral("description"),
                QStringLiteral("icon"),
                QStringLiteral("category"),
                QStringLiteral("default_model"),
                QStringLiteral("suggested_models"),
                QStringLiteral("temperature"),
                QStringLiteral("maxTokens"),
                QStringLiteral("topP"),
                QStringLiteral("repeatPenalty"),
                QStringLiteral("stopSequences"),
                QStringLiteral("is_default"),
                QStringLiteral("created_at"),
                QStringLiteral("updated_at"),
                QStringLiteral("eldercare_specialty"),
                QStringLiteral("patient_context")};
    if (t == QLatin1String("conversation_summaries"))
        return {QStringLiteral("id"),
                QStringLiteral("session_id"),
                QStringLiteral("summary"),
                QStringLiteral("message_count"),
                QStringLiteral("start_message_id"),
                QStringLiteral("end_message_id"),
                QStringLiteral("importance_score"),
                QStringLiteral("created_at")};
    if (t == QLatin1String("semantic_pins"))
        return {QStringLiteral("id"),
                QStringLiteral("session_id"),
                QStringLiteral("content"),
                QStringLiteral("source_message_id"),
                QStringLiteral("importance_score"),
                QStringLiteral("pin_type"),
                QStringLiteral("created_at"),
                QStringLiteral("medical_category"),
                QStringLiteral("patient_id"),
                QStringLiteral("urgency_level")};
    return {};
}

} // namespace kalito
