#include "databaseinfo.h"

#include "database.h"

namespace kalito {

DatabaseInfo DatabaseInfo::collect(Database &db)
{
    DatabaseInfo info;
    if (!db.isOpen()) {
        info.error = DbError::make(DbError::Kind::NotOpen, DbError::Reason::NotOpen, db.path());
        return info;
    }
    for (PragmaSetting p : db.openResult().pragmas) {
        DbError e;
        // sql-ok: p.name is one of the six pragma names the connection itself set
        const QVariant v = db.scalar(QStringLiteral("PRAGMA ") + p.name, {}, &e);
        if (!e.isError())
            p.actual = v.toString().toLower();
        info.pragmas << p;
    }
    info.pageSize = db.scalar(QStringLiteral("PRAGMA page_size")).toLongLong();
    info.pageCount = db.scalar(QStringLiteral("PRAGMA page_count"), {}, &info.error).toLongLong();
    info.freelistCount = db.scalar(QStringLiteral("PRAGMA freelist_count")).toLongLong();
    info.sqliteVersion = db.scalar(QStringLiteral("SELECT sqlite_version()")).toString();
    info.sourceId = db.scalar(QStringLiteral("SELECT sqlite_source_id()")).toString();
    const SqlResult options = db.select(QStringLiteral("PRAGMA compile_options"));
    for (const QVariantList &row : options.rows)
        info.compileOptions << row.value(0).toString();
    return info;
}

} // namespace kalito
