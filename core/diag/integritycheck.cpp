#include "integritycheck.h"

#include "database.h"
#include "logging.h"

#include <QElapsedTimer>

namespace kalito {

QList<IntegrityFinding> IntegrityCheck::findingsFrom(const QList<QVariantList> &rows, IntegrityKind kind)
{
    QList<IntegrityFinding> findings;
    for (const QVariantList &row : rows) {
        if (kind == IntegrityKind::ForeignKeys) {
            // table, rowid, parent, fkid
            IntegrityFinding f;
            f.kind = IntegrityFinding::Kind::ForeignKey;
            f.table = row.value(0).toString();
            f.row = row.value(1).isNull() ? QString() : row.value(1).toString();
            f.parent = row.value(2).toString();
            f.fkid = row.value(3).toString();
            findings << f;
            continue;
        }
        const QStringList lines = row.value(0).toString().split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString t = line.trimmed();
            // "*** in database main ***" only introduces the findings that follow it.
            if (!t.isEmpty() && t != QLatin1String("ok") && !t.startsWith(QLatin1String("*** in database")))
                findings << IntegrityFinding::reported(t);
        }
    }
    return findings;
}

IntegrityResult IntegrityCheck::run(Database &db, IntegrityKind kind, bool perTable,
                                    const CancelToken &cancel, const Progress &progress)
{
    IntegrityResult r;
    r.kind = kind;
    r.perTable = perTable;
    QElapsedTimer timer;
    timer.start();
    // sql-ok: kindName() is one of three constant pragma names
    const QString pragma = QStringLiteral("PRAGMA ") + IntegrityResult::kindName(kind);

    QStringList targets;
    if (perTable) {
        // sqlite_schema first: checking the tree of page 1 also checks the freelist.
        const SqlResult tables = db.select(QStringLiteral(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "ORDER BY name"));
        if (!tables.ok()) {
            r.error = tables.error;
            r.cancelled = tables.error.kind == DbError::Kind::Interrupted;
            r.elapsedMs = timer.elapsed();
            return r;
        }
        if (kind != IntegrityKind::ForeignKeys)
            targets << QStringLiteral("sqlite_schema");
        for (const QVariantList &row : tables.rows)
            targets << row.value(0).toString();
    } else {
        targets << QString();
    }
    r.tablesTotal = int(targets.size());

    for (const QString &table : std::as_const(targets)) {
        if (cancel.isCancelled()) {
            r.cancelled = true;
            break;
        }
        if (progress)
            progress(r.tablesChecked, r.tablesTotal, table);
        const QString sql =
            table.isEmpty() ? pragma
                            : pragma + QLatin1Char('(') + Database::quoteIdentifier(table) + QLatin1Char(')');
        const SqlResult rows = db.select(sql);
        if (!rows.ok()) {
            r.cancelled = rows.error.kind == DbError::Kind::Interrupted || cancel.isCancelled();
            // A damaged file can make the check itself fail: that is a finding too.
            if (!r.cancelled && rows.error.kind == DbError::Kind::Corrupt) {
                IntegrityFinding f;
                f.kind = IntegrityFinding::Kind::CheckFailed;
                f.table = table;
                f.error = rows.error;
                r.problems << f;
                ++r.tablesChecked;
                continue;
            }
            r.error = rows.error;
            break;
        }
        r.problems << findingsFrom(rows.rows, kind);
        ++r.tablesChecked;
    }
    if (progress && !r.cancelled && !r.error.isError())
        progress(r.tablesChecked, r.tablesTotal, QString());
    r.clean = !r.cancelled && !r.error.isError() && r.problems.isEmpty() && r.tablesChecked == r.tablesTotal;
    r.elapsedMs = timer.elapsed();
    qCInfo(lcDiag).noquote() << IntegrityResult::kindName(kind)
                             << (perTable ? "table by table" : "whole file")
                             << (r.cancelled ? "cancelled"
                                 : r.clean   ? "ok"
                                             : "found problems")
                             << r.problems.size() << "finding(s) in" << r.elapsedMs << "ms";
    return r;
}

} // namespace kalito
