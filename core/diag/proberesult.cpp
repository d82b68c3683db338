#include "proberesult.h"

#include "sqliteheader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kalito {

bool ProbeResult::dbHeaderSaysWal() const
{
    return SqliteHeader::parse(dbHeader).isWal();
}

bool ProbeResult::dmsHeld() const
{
    for (const Lock &l : locks) {
        if (l.file == QLatin1String("shm") && l.lock == QLatin1String("dms"))
            return true;
    }
    return false;
}

QJsonObject ProbeResult::toJson() const
{
    QJsonArray lockArray;
    for (const Lock &l : locks) {
        lockArray.append(QJsonObject{
            {QStringLiteral("file"), l.file},
            {QStringLiteral("lock"), l.lock},
            {QStringLiteral("pid"), l.pid},
            {QStringLiteral("mode"), l.write ? QStringLiteral("write") : QStringLiteral("read")}});
    }
    return QJsonObject{
        {QStringLiteral("path"), path},
        {QStringLiteral("error"), error.toString()},
        {QStringLiteral("error_code"), error.isError() ? QJsonValue(error.toJson()) : QJsonValue()},
        {QStringLiteral("probe_pid"), probePid},
        {QStringLiteral("parent_pid"), parentPid},
        {QStringLiteral("db_exists"), dbExists},
        {QStringLiteral("db_header_hex"), QString::fromLatin1(dbHeader.toHex())},
        {QStringLiteral("shm_exists"), shmExists},
        {QStringLiteral("shm_bytes"), shmBytes},
        {QStringLiteral("shm_header_hex"), QString::fromLatin1(shmHeaderBytes.toHex())},
        {QStringLiteral("shm_reads"), shmReads},
        {QStringLiteral("shm_error"), shmError.toString()},
        {QStringLiteral("shm_error_code"), shmError.isError() ? QJsonValue(shmError.toJson()) : QJsonValue()},
        {QStringLiteral("wal_exists"), walExists},
        {QStringLiteral("wal_bytes"), walBytes},
        {QStringLiteral("wal_header_hex"), QString::fromLatin1(walHeaderBytes.toHex())},
        {QStringLiteral("locks"), lockArray},
    };
}

ProbeResult ProbeResult::fromJson(const QByteArray &json)
{
    ProbeResult r;
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || o.isEmpty()) {
        r.error = DbError::make(DbError::Kind::Io, DbError::Reason::ProbeNoAnswer, QString());
        return r;
    }
    auto hex = [&o](const char *key) {
        return QByteArray::fromHex(o.value(QLatin1String(key)).toString().toLatin1());
    };
    r.path = o.value(QStringLiteral("path")).toString();
    if (o.value(QStringLiteral("error_code")).isObject())
        r.error = DbError::fromJson(o.value(QStringLiteral("error_code")).toObject());
    else if (!o.value(QStringLiteral("error")).toString().isEmpty())
        r.error = DbError::make(DbError::Kind::Io, DbError::Reason::ProbeFailed, QString(), {},
                                o.value(QStringLiteral("error")).toString());
    r.probePid = o.value(QStringLiteral("probe_pid")).toInteger();
    r.parentPid = o.value(QStringLiteral("parent_pid")).toInteger();
    r.dbExists = o.value(QStringLiteral("db_exists")).toBool();
    r.dbHeader = hex("db_header_hex");
    r.shmExists = o.value(QStringLiteral("shm_exists")).toBool();
    r.shmBytes = o.value(QStringLiteral("shm_bytes")).toInteger();
    r.shmHeaderBytes = hex("shm_header_hex");
    r.shmReads = o.value(QStringLiteral("shm_reads")).toInt();
    if (o.value(QStringLiteral("shm_error_code")).isObject())
        r.shmError = DbError::fromJson(o.value(QStringLiteral("shm_error_code")).toObject());
    else if (!o.value(QStringLiteral("shm_error")).toString().isEmpty())
        r.shmError = DbError::make(DbError::Kind::Io, DbError::Reason::ProbeFailed, QString(), {},
                                   o.value(QStringLiteral("shm_error")).toString());
    r.walExists = o.value(QStringLiteral("wal_exists")).toBool();
    r.walBytes = o.value(QStringLiteral("wal_bytes")).toInteger();
    r.walHeaderBytes = hex("wal_header_hex");
    const QJsonArray lockArray = o.value(QStringLiteral("locks")).toArray();
    for (const QJsonValue &v : lockArray) {
        const QJsonObject l = v.toObject();
        r.locks.append({l.value(QStringLiteral("file")).toString(),
                        l.value(QStringLiteral("lock")).toString(),
                        l.value(QStringLiteral("pid")).toInteger(),
                        l.value(QStringLiteral("mode")).toString() == QLatin1String("write")});
    }
    return r;
}

} // namespace kalito
