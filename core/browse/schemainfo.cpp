#include "browse/schemainfo.h"

#include "database.h"
#include "kalitoschema.h"

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
        DbError error;
        t.columns = readColumns(db, t.name, &error);
        if (error.isError()) {
            info.error = error;
            return info;
        }
        info.tables << t;
    }
    return info;
}

QList<ColumnInfo> SchemaInfo::readColumns(Database &db, const QString &table, DbError *error)
{
    QList<ColumnInfo> columns;
    const SqlResult r = db.select(
        QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)"),
        {table});
    if (error)
        *error = r.error;
    for (const QVariantList &c : r.rows) {
        ColumnInfo ci;
        ci.name = c.value(0).toString();
        ci.type = c.value(1).toString();
        ci.notNull = c.value(2).toInt() != 0;
        ci.defaultValue = c.value(3);
        ci.primaryKeyIndex = c.value(4).toInt();
        ci.hidden = c.value(5).toInt();
        columns << ci;
    }
    return columns;
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
    const QStringList expected = KalitoSchema::columns(tableName);
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
    const QStringList expected = KalitoSchema::columns(tableName);
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

} // namespace kalito
