#include "statusreport.h"

#include "database.h"
#include "kalitoschema.h"
#include "statustext.h"

#include <QJsonArray>

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
    return StatusText::report(*this);
}

} // namespace kalito
