#include "dberror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <sqlite3.h>

namespace kalito {

QString DbError::toString() const
{
    if (!isError())
        return QString();
    if (path.isEmpty())
        return reasonText();
    return path + QStringLiteral(": ") + reasonText();
}

QString DbError::reasonText() const
{
    const QString a0 = args.value(0);
    switch (reason) {
    case Reason::None:
        return detail;
    case Reason::FileMissing:
        return QStringLiteral("the file does not exist");
    case Reason::FolderMissing:
        return QStringLiteral("the folder %1 does not exist").arg(a0);
    case Reason::SymlinkLoop:
        return QStringLiteral("the path is a symbolic link loop");
    case Reason::CannotStat:
        return QStringLiteral("cannot look at the file: %1").arg(detail);
    case Reason::NotRegularFile: {
        QString what = QStringLiteral("not a regular file");
        if (a0 == QLatin1String("directory"))
            what = QStringLiteral("a directory");
        else if (a0 == QLatin1String("fifo"))
            what = QStringLiteral("a FIFO (named pipe)");
        else if (a0 == QLatin1String("socket"))
            what = QStringLiteral("a socket");
        else if (a0 == QLatin1String("device"))
            what = QStringLiteral("a device");
        return QStringLiteral("this is %1, not a database file").arg(what);
    }
    case Reason::NotReadable:
        return QStringLiteral("the file is not readable: %1").arg(detail);
    case Reason::CannotOpenFile:
        return QStringLiteral("cannot open the file: %1").arg(detail);
    case Reason::EmptyFile:
        return QStringLiteral("the file is empty (0 bytes), not a SQLite database; it is left untouched "
                              "(SQLite would silently turn it into a new database)");
    case Reason::TooShort:
        return QStringLiteral("not a SQLite database (only %1 bytes long)").arg(a0);
    case Reason::NoSqliteHeader:
        return QStringLiteral("not a SQLite database (the file does not start with the SQLite header)");
    case Reason::HeaderDamaged:
        return QStringLiteral("the database header is damaged (page size %1, format bytes %2/%3)")
            .arg(a0, args.value(1), args.value(2));
    case Reason::FileExists:
        return QStringLiteral("the file already exists; refusing to overwrite it");
    case Reason::SqliteLocked:
        return QStringLiteral("database is locked by another connection (%1)").arg(detail);
    case Reason::SqliteNotADatabase:
        return QStringLiteral("not a SQLite database (%1)").arg(detail);
    case Reason::SqliteCorrupt:
        return QStringLiteral("the database is damaged (%1)").arg(detail);
    case Reason::IndexDisagrees:
        return QStringLiteral(
                   "the database is damaged: index %1 disagrees with table %2 (%3 rows through the "
                   "index, %4 in the table); the rows shown were read from the table; run Check")
            .arg(a0, args.value(1), args.value(2), args.value(3));
    case Reason::SqliteReadOnly:
        return QStringLiteral("cannot write: %1").arg(detail);
    case Reason::SqliteInterrupted:
        return QStringLiteral("cancelled");
    case Reason::SqliteDenied:
        return QStringLiteral("not allowed: the database is open read-only (%1)").arg(detail);
    case Reason::SqliteCantOpen:
        return QStringLiteral("cannot open the file (%1)").arg(detail);
    case Reason::SqliteIo:
        return QStringLiteral("input/output error (%1)").arg(detail);
    case Reason::SqliteOther:
        return detail;
    case Reason::NotOpen:
        return QStringLiteral("no database is open");
    case Reason::ConnectionClosed:
        return QStringLiteral("the connection closed while the work was under way");
    case Reason::WalCompanionsUnwritable:
        return QStringLiteral(
                   "cannot read this WAL database: SQLite must create %1-shm and %1-wal beside it, "
                   "and the folder is not writable by this user (open a copy, or let the backend "
                   "open it first so that they exist)")
            .arg(a0);
    case Reason::StatementOpen:
        return QStringLiteral("this connection still has a statement or transaction open");
    case Reason::CheckpointReadOnly:
        return QStringLiteral("opened read-only: a checkpoint writes to the database");
    case Reason::NoNativeHandle:
        return detail;
    case Reason::CopyOfOpenDatabase:
        return QStringLiteral("close it before copying it (copying would drop this connection's locks)");
    case Reason::CopyFailed:
        return QStringLiteral("cannot copy it to %1: %2").arg(a0, detail);
    case Reason::CopyFolderFailed:
        return QStringLiteral("cannot create a folder for the copy: %1").arg(detail);
    case Reason::CopyKeptChanging:
        return QStringLiteral("the database kept changing while it was copied (a checkpoint ran each time); "
                              "try again");
    case Reason::NoMessagesTable:
        return QStringLiteral("there is no messages table");
    case Reason::NoSessionIdColumn:
        return QStringLiteral("the messages table has no session_id");
    case Reason::NoTextColumn:
        return QStringLiteral("the messages table has no text column");
    case Reason::NoSuchSession:
        return QStringLiteral("there is no session with id '%1'").arg(a0);
    case Reason::ExportOntoDatabase:
        return QStringLiteral("refusing to export onto the database's own files");
    case Reason::WriteFailed:
        return detail;
    case Reason::ProbeNoAnswer:
        return QStringLiteral("the probe process printed no readable answer");
    case Reason::ProbeDidNotFinish:
        return QStringLiteral("the probe process (%1 probe-files) did not finish").arg(a0);
    case Reason::ProbeTimedOut:
        return QStringLiteral("the probe process did not finish within %1 ms and was stopped").arg(a0);
    case Reason::ProbeNotStarted:
        return QStringLiteral("the probe process (%1) could not be started: %2").arg(a0, detail);
    case Reason::ProbeFailed:
        return detail;
    }
    return detail;
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
