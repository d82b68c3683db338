#include "browse/tablequery.h"

#include "browse/sessionquery.h"
#include "database.h"
#include "sqlfragment.h"

namespace kalito {

namespace {

QStringList keyColumns(const TableInfo &table)
{
    const QString rowid = table.rowidName();
    if (!rowid.isEmpty())
        return {rowid};
    if (table.withoutRowid)
        return table.primaryKey();
    return {};
}

} // namespace

QStringList TableQuery::shownColumns(const TableInfo &table)
{
    QStringList names;
    for (const ColumnInfo &c : table.columns) {
        if (c.hidden != 1)
            names << c.name;
    }
    return names;
}

TableQuery::Paging TableQuery::paging(const TableInfo &table)
{
    if (!keyColumns(table).isEmpty())
        return Paging::Pageable;
    return table.type == QLatin1String("view") ? Paging::View : Paging::NoKey;
}

KeysetSpec TableQuery::spec(const TableInfo &table, const TableSort &sort, const QString &filter)
{
    KeysetSpec spec;
    const QStringList keys = keyColumns(table);
    if (keys.isEmpty())
        return spec;
    const QStringList shown = shownColumns(table);
    QStringList select;
    for (const QString &name : shown) {
        const QString c = Database::quoteIdentifier(name);
        // A 10 MB cell must not travel to a grid that shows a line of it.
        select << QStringLiteral("CASE typeof(%1) WHEN 'text' THEN substr(%1, 1, %2) WHEN 'blob' THEN "
                                 "'<' || length(%1) || ' bytes>' ELSE %1 END")
                      .arg(c)
                      .arg(PreviewChars);
    }
    if (select.isEmpty())
        select << QStringLiteral("NULL");
    spec.select = select;
    spec.table.name = table.name;
    spec.table.rowid = table.rowidName();
    spec.table.view = table.type != QLatin1String("table");
    if (!filter.isEmpty()) {
        QStringList any;
        for (const QString &name : shown) {
            any << Database::quoteIdentifier(name) + QStringLiteral(" LIKE ? ESCAPE '\\'");
            spec.binds << SqlFragment::likeContains(filter);
        }
        spec.where = any.isEmpty() ? QStringLiteral("0") : any.join(QStringLiteral(" OR "));
    }
    const int sortIndex = sort.isSet() ? table.indexOf(sort.column) : -1;
    if (sortIndex >= 0) {
        const ColumnInfo &c = table.columns.at(sortIndex);
        // A declared NOT NULL, a WITHOUT ROWID key or an INTEGER PRIMARY KEY (the rowid) is never NULL.
        const bool neverNull =
            c.notNull ||
            (c.primaryKeyIndex > 0 &&
             (table.withoutRowid || c.type.compare(QLatin1String("integer"), Qt::CaseInsensitive) == 0));
        spec.keys << KeysetSpec::Key{Database::quoteIdentifier(c.name), false, !neverNull};
        spec.descending = sort.descending;
    }
    for (const QString &k : keys)
        spec.keys << KeysetSpec::Key{Database::quoteIdentifier(k)};
    return spec;
}

QVariantList TableQuery::rowKey(const TableInfo &table, const QVariantList &specKey)
{
    const int n = int(keyColumns(table).size());
    return specKey.size() < n ? QVariantList() : specKey.mid(specKey.size() - n);
}

SqlResult TableQuery::row(Database &db, const TableInfo &table, const QVariantList &key)
{
    const QStringList keys = keyColumns(table);
    QStringList where;
    for (const QString &k : keys)
        where << Database::quoteIdentifier(k) + QStringLiteral(" = ?");
    QStringList select;
    for (const QString &name : shownColumns(table))
        select << Database::quoteIdentifier(name);
    if (where.isEmpty() || select.isEmpty())
        return SqlResult();
    // sql-ok: quoted identifiers; the WHERE parts compare quoted keys with ?s, values bound
    return db.select(QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                         .arg(select.join(QStringLiteral(", ")), Database::quoteIdentifier(table.name),
                              where.join(QStringLiteral(" AND "))),
                     key, 1);
}

} // namespace kalito
