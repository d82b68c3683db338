#include "browse/pagecheck.h"

#include "browse/keysetpager.h"
#include "database.h"

#include <QRegularExpression>

namespace kalito {

qint64 PageCheck::expectedRows(int page, int pageSize, qint64 count)
{
    if (count < 0)
        return -1;
    return qBound(qint64(0), count - qint64(page) * pageSize, qint64(pageSize));
}

QStringList PageCheck::indexesUsed(Database &db, const KeysetSpec &spec, bool forCount)
{
    // The statements the list runs (KeysetSpec writes them, in the spec's order), explained.
    const KeysetSpec::Statement statement =
        forCount ? spec.count() : spec.rows(KeysetSpec::Bound::None, {}, false, 1);
    // sql-ok: the spec's own statement; its values are bound
    const SqlResult r = db.select(QStringLiteral("EXPLAIN QUERY PLAN ") + statement.sql, statement.binds);
    QStringList names;
    static const QRegularExpression index(QStringLiteral("USING (?:COVERING )?INDEX (\\S+)"));
    for (int i = 0; i < r.rows.size(); ++i) {
        const QRegularExpressionMatch m =
            index.match(r.rows.at(i).value(r.columns.indexOf(QStringLiteral("detail"))).toString());
        if (m.hasMatch() && !names.contains(m.captured(1)))
            names << m.captured(1);
    }
    return names;
}

RowPage PageCheck::recheck(Database &db, const KeysetSpec &spec, const PagePlan &plan)
{
    if (!spec.canReadAlone())
        return plan.run(db, spec);
    const KeysetSpec scan = spec.tableAlone();
    RowPage failed;
    failed.error = db.execute(QStringLiteral("BEGIN"));
    if (failed.error.isError())
        return failed;
    const qint64 indexCount = KeysetPager::count(db, spec, &failed.error);
    const qint64 tableCount = failed.ok() ? KeysetPager::count(db, scan, &failed.error) : -1;
    RowPage indexed = failed.ok() ? plan.run(db, spec) : failed;
    RowPage table = indexed.ok() ? plan.run(db, scan) : indexed;
    QStringList blamed;
    if (table.ok() && indexed.keys != table.keys)
        blamed = indexesUsed(db, spec, false);
    if (table.ok() && indexCount != tableCount) {
        for (const QString &name : indexesUsed(db, spec, true)) {
            if (!blamed.contains(name))
                blamed << name;
        }
    }
    const DbError commit = db.execute(QStringLiteral("COMMIT"));
    if (!table.ok())
        return table;
    if (commit.isError()) {
        table.error = commit;
        return table;
    }
    if (indexed.keys == table.keys && indexCount == tableCount) {
        // The two readings agree: a write came between the count and the page, nothing is damaged.
        indexed.count = indexCount;
        return indexed;
    }
    table.count = tableCount;
    const bool pageDiffers = indexed.keys != table.keys;
    table.damage = DbError::make(DbError::Kind::Corrupt, DbError::Reason::IndexDisagrees, db.path(),
                                 {blamed.isEmpty() ? QStringLiteral("?") : blamed.join(QStringLiteral(", ")),
                                  spec.table.name, QString::number(pageDiffers ? indexed.size() : indexCount),
                                  QString::number(pageDiffers ? table.size() : tableCount)});
    return table;
}

} // namespace kalito
