#include "dberror.h"

#include "errortext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <sqlite3.h>

namespace kalito {

QString DbError::toString() const
{
    return ErrorText::describe(*this);
}

QString DbError::reasonText() const
{
    return ErrorText::reason(*this);
}

QJsonObject DbError::toJson() const
{
    return QJsonObject{{QStringLiteral("kind"), int(kind)},
                       {QStringLiteral("reason"), int(reason)},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("args"), QJsonArray::fromStringList(args)},
                       {QStringLiteral("detail"), detail}};
}

DbError DbError::fromJson(const QJsonObject &o)
{
    DbError e;
    e.kind = Kind(o.value(QStringLiteral("kind")).toInt());
    e.reason = Reason(o.value(QStringLiteral("reason")).toInt());
    e.path = o.value(QStringLiteral("path")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("args")).toArray())
        e.args.append(v.toString());
    e.detail = o.value(QStringLiteral("detail")).toString();
    return e;
}

DbError DbError::make(Kind kind, Reason reason, const QString &path, const QStringList &args,
                      const QString &detail)
{
    DbError e;
    e.kind = kind;
    e.reason = reason;
    e.path = path;
    e.args = args;
    e.detail = detail;
    return e;
}

DbError DbError::fromSqlite(int extendedCode, const QString &sqliteMessage, const QString &path)
{
    DbError e;
    e.path = path;
    e.extendedCode = extendedCode;
    e.code = extendedCode & 0xff;
    e.detail = sqliteMessage.isEmpty() ? QString::fromUtf8(sqlite3_errstr(extendedCode)) : sqliteMessage;
    switch (e.code) {
    case SQLITE_OK:
        e.kind = Kind::None;
        e.detail.clear();
        return e;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        e.kind = Kind::Locked;
        e.reason = Reason::SqliteLocked;
        break;
    case SQLITE_NOTADB:
        e.kind = Kind::NotADatabase;
        e.reason = Reason::SqliteNotADatabase;
        break;
    case SQLITE_CORRUPT:
        e.kind = Kind::Corrupt;
        e.reason = Reason::SqliteCorrupt;
        break;
    case SQLITE_READONLY:
        e.kind = Kind::ReadOnly;
        e.reason = Reason::SqliteReadOnly;
        break;
    case SQLITE_INTERRUPT:
        e.kind = Kind::Interrupted;
        e.reason = Reason::SqliteInterrupted;
        break;
    case SQLITE_AUTH:
        // Only the read-only authorizer (database.cpp) denies statements.
        e.kind = Kind::ReadOnly;
        e.reason = Reason::SqliteDenied;
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        e.kind = Kind::Unreadable;
        e.reason = Reason::SqliteCantOpen;
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
        e.kind = Kind::Io;
        e.reason = Reason::SqliteIo;
        break;
    default:
        e.kind = Kind::Sqlite;
        e.reason = Reason::SqliteOther;
        break;
    }
    return e;
}

DbError DbError::fromQt(const QSqlError &error, sqlite3 *handle, const QString &path)
{
    if (error.type() == QSqlError::NoError)
        return DbError();
    int code = handle ? sqlite3_extended_errcode(handle) : error.nativeErrorCode().toInt();
    if (code == SQLITE_OK)
        code = error.nativeErrorCode().toInt();
    QString text = error.driverText();
    if (!error.databaseText().isEmpty())
        text = error.databaseText();
    if (code == SQLITE_OK)
        return make(Kind::Sqlite, Reason::SqliteOther, path, {}, text.isEmpty() ? error.text() : text);
    return fromSqlite(code, text, path);
}

QString kindName(DbError::Kind kind)
{
    switch (kind) {
    case DbError::Kind::None:
        return QStringLiteral("none");
    case DbError::Kind::NotFound:
        return QStringLiteral("not-found");
    case DbError::Kind::NotARegularFile:
        return QStringLiteral("not-a-regular-file");
    case DbError::Kind::Unreadable:
        return QStringLiteral("unreadable");
    case DbError::Kind::EmptyFile:
        return QStringLiteral("empty-file");
    case DbError::Kind::NotADatabase:
        return QStringLiteral("not-a-database");
    case DbError::Kind::AlreadyExists:
        return QStringLiteral("already-exists");
    case DbError::Kind::Locked:
        return QStringLiteral("locked");
    case DbError::Kind::ReadOnly:
        return QStringLiteral("read-only");
    case DbError::Kind::Corrupt:
        return QStringLiteral("corrupt");
    case DbError::Kind::Interrupted:
        return QStringLiteral("interrupted");
    case DbError::Kind::Sqlite:
        return QStringLiteral("sqlite");
    case DbError::Kind::Io:
        return QStringLiteral("io");
    case DbError::Kind::NotOpen:
        return QStringLiteral("not-open");
    case DbError::Kind::ConnectionClosed:
        return QStringLiteral("connection-closed");
    }
    return QString();
}

} // namespace kalito
