#include "browse/keysetspec.h"

#include "database.h"

namespace kalito {

namespace {

QString tuple(const QStringList &items)
{
    return items.size() == 1 ? items.first()
                             : QLatin1Char('(') + items.join(QStringLiteral(", ")) + QLatin1Char(')');
}

QString keyAliases(int n, bool declare, const QStringList &expressions = {})
{
    QStringList list;
    for (int i = 0; i < n; ++i)
        list << (declare ? expressions.at(i) + QStringLiteral(" AS k%1").arg(i)
                         : QStringLiteral("k%1").arg(i));
    return list.join(QStringLiteral(", "));
}

} // namespace

KeysetSpec KeysetSpec::tableAlone() const
{
    KeysetSpec alone = *this;
    alone.m_alone = canReadAlone();
    return alone;
}

KeysetSpec KeysetSpec::withSelect(const QStringList &columns, const QVariantList &columnBinds) const
{
    KeysetSpec other = *this;
    other.select = columns;
    other.selectBinds = columnBinds;
    return other;
}

QList<KeysetSpec::Part> KeysetSpec::parts(bool reversed) const
{
    QList<Part> list;
    for (const Key &k : keys) {
        const bool desc = (k.descending != descending) != reversed;
        if (k.nullable) {
            list << Part{QStringLiteral("(%1 IS NOT NULL)").arg(k.expression), desc}
                 << Part{QStringLiteral("coalesce(%1, 0)").arg(k.expression), desc};
        } else {
            list << Part{k.expression, desc};
        }
    }
    return list;
}

QStringList KeysetSpec::keyColumns() const
{
    QStringList list;
    for (const Part &p : parts(false))
        list << p.expression;
    return list;
}

QString KeysetSpec::from() const
{
    QString sql = Database::quoteIdentifier(table.name);
    if (!table.alias.isEmpty())
        sql += QLatin1Char(' ') + table.alias;
    if (m_alone)
        sql += QStringLiteral(" NOT INDEXED");
    if (!joins.isEmpty())
        sql += QLatin1Char(' ') + joins;
    return sql;
}

QString KeysetSpec::orderBy(const QList<Part> &parts)
{
    QStringList list;
    for (const Part &p : parts)
        list << p.expression + (p.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    return QStringLiteral(" ORDER BY ") + list.join(QStringLiteral(", "));
}

QString KeysetSpec::whereClause(Bound bound, const QVariantList &key, QVariantList &values) const
{
    QStringList conditions;
    if (!where.isEmpty()) {
        conditions << QLatin1Char('(') + where + QLatin1Char(')');
        values += binds;
    }
    if (bound != Bound::None) {
        const QList<Part> ps = parts(false);
        // Rows after the key in the spec's order: greater on an ascending part, less on a descending
        // one; before it, the other way.
        auto op = [bound](const Part &p) {
            return (bound == Bound::Before) == p.descending ? QStringLiteral(">") : QStringLiteral("<");
        };
        bool oneDirection = true;
        for (const Part &p : ps)
            oneDirection = oneDirection && p.descending == ps.first().descending;
        const QString orEqual = bound == Bound::From ? QStringLiteral("=") : QString();
        if (oneDirection) {
            // A row value (3.15+) lets SQLite seek the index on the leading key column.
            QStringList expressions;
            QStringList qs;
            for (const Part &p : ps) {
                expressions << p.expression;
                qs << QStringLiteral("?");
            }
            conditions << tuple(expressions) + QLatin1Char(' ') + op(ps.first()) + orEqual +
                              QLatin1Char(' ') + tuple(qs);
            values += key.mid(0, ps.size());
        } else {
            // Mixed directions: a row value cannot say it; written out part by part.
            QStringList any;
            for (int i = 0; i < ps.size(); ++i) {
                QStringList all;
                for (int j = 0; j < i; ++j) {
                    all << ps.at(j).expression + QStringLiteral(" = ?");
                    values << key.value(j);
                }
                all << ps.at(i).expression + QLatin1Char(' ') + op(ps.at(i)) + QStringLiteral(" ?");
                values << key.value(i);
                any << all.join(QStringLiteral(" AND "));
            }
            if (bound == Bound::From) {
                QStringList all;
                for (int j = 0; j < ps.size(); ++j) {
                    all << ps.at(j).expression + QStringLiteral(" = ?");
                    values << key.value(j);
                }
                any << all.join(QStringLiteral(" AND "));
            }
            conditions << QStringLiteral("((") + any.join(QStringLiteral(") OR (")) + QStringLiteral("))");
        }
    }
    // sql-ok: the filter and the key's parts are the spec's expressions; their values are bound
    return conditions.isEmpty() ? QString()
                                : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

KeysetSpec::Statement KeysetSpec::rows(Bound bound, const QVariantList &key, bool reversed,
                                       qint64 limit) const
{
    Statement s;
    s.binds = selectBinds;
    // sql-ok: the spec's expressions are quoted identifiers and ?s; every value is bound
    s.sql = QStringLiteral("SELECT ") + keyColumns().join(QStringLiteral(", ")) + QStringLiteral(", ") +
            select.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + from() +
            whereClause(bound, key, s.binds) + orderBy(parts(reversed)) + QStringLiteral(" LIMIT ?");
    s.binds << limit;
    return s;
}

KeysetSpec::Statement KeysetSpec::keysOnly(Bound bound, const QVariantList &key, bool reversed,
                                           qint64 limit) const
{
    Statement s;
    const QStringList columns = keyColumns();
    // sql-ok: as rows()
    s.sql = QStringLiteral("SELECT ") + keyAliases(int(columns.size()), true, columns) +
            QStringLiteral(" FROM ") + from() + whereClause(bound, key, s.binds) + orderBy(parts(reversed)) +
            QStringLiteral(" LIMIT ?");
    s.binds << limit;
    return s;
}

KeysetSpec::Statement KeysetSpec::farthestKey(Bound bound, const QVariantList &key, bool reversed,
                                              qint64 limit) const
{
    // The inner query reads only key columns in key order and stops after `limit` rows; the outer
    // one keeps the farthest, in the other order by the same names.
    Statement s = keysOnly(bound, key, reversed, limit);
    QList<Part> outer = parts(!reversed);
    for (int i = 0; i < outer.size(); ++i)
        outer[i].expression = QStringLiteral("k%1").arg(i);
    // sql-ok: as rows(); the outer query only re-orders the inner one's rows
    s.sql = QStringLiteral("SELECT ") + keyAliases(int(outer.size()), false) + QStringLiteral(" FROM (") +
            s.sql + QLatin1Char(')') + orderBy(outer) + QStringLiteral(" LIMIT 1");
    return s;
}

KeysetSpec::Statement KeysetSpec::count(Bound bound, const QVariantList &key) const
{
    Statement s;
    // sql-ok: as rows()
    s.sql = QStringLiteral("SELECT count(*) FROM ") + from() + whereClause(bound, key, s.binds);
    return s;
}

} // namespace kalito
