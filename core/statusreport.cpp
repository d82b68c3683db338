#include "statusreport.h"

#include "database.h"
#include "kalitoschema.h"
#include "opentext.h"

#include <QJsonArray>
#include <QLocale>

namespace kalito {

StatusReport StatusReport::collect(Database &db, bool countRows)
{
    StatusReport r;
    const OpenResult &open = db.openResult();
    r.path = db.path();
    r.sqliteVersion = open.sqliteVersion;
    r.readOnly = db.isReadOnly();
    // Read back now (not at open time): the mode can have changed since.
    for (PragmaSetting p : open.pragmas) {
        DbError e;
        // sql-ok: p.name comes from Database's own pragma list, never from the user
        const QVariant v = db.scalar(QStringLiteral("PRAGMA ") + p.name, {}, &e);
        if (!e.isError())
            p.actual = v.toString().toLower();
        r.pragmas << p;
    }
    r.pageSize = db.scalar(QStringLiteral("PRAGMA page_size")).toLongLong();
    r.files = FileSizes::of(db.path());
    const QStringList tables = KalitoSchema::coreTables();
    for (const QString &t : tables) {
        if (!db.tableExists(t))
            continue;
        if (!countRows) {
            r.tables << qMakePair(t, qint64(-1));
            continue;
        }
        DbError e;
        const QVariant n =
            db.scalar(QStringLiteral("SELECT count(*) FROM ") + Database::quoteIdentifier(t), {}, &e);
        if (e.isError()) {
            r.error = e;
            break;
        }
        r.tables << qMakePair(t, n.toLongLong());
    }
    return r;
}

QJsonObject StatusReport::toJson() const
{
    QJsonObject pragmaObject;
    for (const PragmaSetting &p : pragmas) {
        bool numeric = false;
        const qint64 n = p.actual.toLongLong(&numeric);
        pragmaObject.insert(p.name, numeric ? QJsonValue(n) : QJsonValue(p.actual));
    }
    QJsonObject tableObject;
    for (const auto &t : tables)
        tableObject.insert(t.first, t.second);
    QJsonObject o{
        {QStringLiteral("path"), path},
        {QStringLiteral("sqlite_version"), sqliteVersion},
        {QStringLiteral("read_only"), readOnly},
        {QStringLiteral("pragmas"), pragmaObject},
        {QStringLiteral("files"), QJsonObject{{QStringLiteral("db_bytes"), files.dbBytes},
                                              {QStringLiteral("wal_bytes"), files.walBytes},
                                              {QStringLiteral("shm_bytes"), files.shmBytes}}},
        {QStringLiteral("tables"), tableObject},
    };
    return o;
}

QString StatusReport::toText() const
{
    QString out;
    auto line = [&out](const QString &key, const QString &value) {
        out += key.leftJustified(16) + value + QLatin1Char('\n');
    };
    // Sizes as the window shows them, with the exact count for scripts and comparisons.
    auto size = [](qint64 bytes) {
        const QString shown = QLocale::c().formattedDataSize(bytes);
        return bytes < 1024 ? shown : QStringLiteral("%1 (%2 bytes)").arg(shown).arg(bytes);
    };
    line(QStringLiteral("path"), path);
    line(QStringLiteral("sqlite"), sqliteVersion);
    line(QStringLiteral("mode"), readOnly ? QStringLiteral("read-only") : QStringLiteral("read-write"));
    out += QStringLiteral("pragmas\n");
    for (const PragmaSetting &p : pragmas) {
        QString v = p.actualText(pageSize);
        if (!p.took())
            v += QStringLiteral("   (backend expects %1: %2)")
                     .arg(p.expectedText(pageSize), OpenText::pragmaReason(p));
        line(QStringLiteral("  ") + p.name, v);
    }
    out += QStringLiteral("files\n");
    line(QStringLiteral("  database"), size(files.dbBytes));
    line(QStringLiteral("  -wal"), files.walExists ? size(files.walBytes) : QStringLiteral("absent"));
    line(QStringLiteral("  -shm"), files.shmExists ? size(files.shmBytes) : QStringLiteral("absent"));
    out += QStringLiteral("tables\n");
    if (tables.isEmpty())
        out += QStringLiteral("  (no Kalito tables)\n");
    // Names as wide as the longest one plus a gap, counts right-aligned: they never run together.
    qsizetype nameWidth = 14;
    qsizetype countWidth = 1;
    for (const auto &t : tables) {
        nameWidth = qMax(nameWidth, t.first.size());
        countWidth = qMax(countWidth, QString::number(t.second).size());
    }
    for (const auto &t : tables) {
        out += QStringLiteral("  ") + t.first.leftJustified(nameWidth + 2) +
               QString::number(t.second).rightJustified(countWidth) + QLatin1Char('\n');
    }
    return out;
}

} // namespace kalito
