#include "dberror.h"

#include <QSqlError>
#include <sqlite3.h>

namespace kalito {

QString DbError::toString() const
{
    if (!isError())
        return QString();
    if (path.isEmpty())
        return message;
    return path + QStringLiteral(": ") + message;
}

DbError DbError::make(Kind kind, const QString &path, const QString &message)
{
    DbError e;
    e.kind = kind;
    e.path = path;
    e.message = message;
    return e;
}

DbError DbError::fromSqlite(int extendedCode, const QString &sqliteMessage, const QString &path)
{
    DbError e;
    e.path = path;
    e.extendedCode = extendedCode;
    e.code = extendedCode & 0xff;
    const QString detail =
        sqliteMessage.isEmpty() ? QString::fromUtf8(sqlite3_errstr(extendedCode)) : sqliteMessage;
    switch (e.code) {
    case SQLITE_OK:
        e.kind = Kind::None;
        return e;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        e.kind = Kind::Locked;
        e.message = QStringLiteral("database is locked by another connection (%1)").arg(detail);
        break;
    case SQLITE_NOTADB:
        e.kind = Kind::NotADatabase;
        e.message = QStringLiteral("not a SQLite database (%1)").arg(detail);
        break;
    case SQLITE_CORRUPT:
        e.kind = Kind::Corrupt;
        e.message = QStringLiteral("the database is damaged (%1)").arg(detail);
        break;
    case SQLITE_READONLY:
        e.kind = Kind::ReadOnly;
        e.message = QStringLiteral("cannot write: %1").arg(detail);
        break;
    case SQLITE_INTERRUPT:
        e.kind = Kind::Interrupted;
        e.message = QStringLiteral("cancelled");
        break;
    case SQLITE_AUTH:
        // Only the read-only authorizer (database.cpp) denies statements.
        e.kind = Kind::ReadOnly;
        e.message = QStringLiteral("not allowed: the database is open read-only (%1)").arg(detail);
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        e.kind = Kind::Unreadable;
        e.message = QStringLiteral("cannot open the file (%1)").arg(detail);
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
        e.kind = Kind::Io;
        e.message = QStringLiteral("input/output error (%1)").arg(detail);
        break;
    default:
        e.kind = Kind::Sqlite;
        e.message = detail;
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
    if (code == SQLITE_OK) {
        DbError e = make(Kind::Sqlite, path, text.isEmpty() ? error.text() : text);
        return e;
    }
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
    }
    return QString();
}

} // namespace kalito
