#include "errortext.h"

#include "recordingtext.h"

namespace kalito {

QString ErrorText::describe(const DbError &error)
{
    if (!error.isError())
        return QString();
    if (error.path.isEmpty())
        return reason(error);
    return tr("%1: %2").arg(error.path, reason(error));
}

QString ErrorText::unavailable(const SchemaInfo &schema, const QString &table)
{
    switch (schema.unavailable(table)) {
    case SchemaInfo::Unavailable::None:
        return QString();
    case SchemaInfo::Unavailable::NoTable:
        return tr("This database has no %1 table.").arg(table);
    case SchemaInfo::Unavailable::NotBrowsable:
        return tr("%1 is a %2 table, which is not browsed.").arg(table, schema.table(table)->type);
    case SchemaInfo::Unavailable::NoSessionId:
        return table == QLatin1String("messages") ? tr("The messages table has no session_id column.")
                                                  : tr("The %1 table has no session_id column.").arg(table);
    }
    return QString();
}

QString ErrorText::reason(const DbError &error)
{
    using R = DbError::Reason;
    const QString a0 = error.args.value(0);
    const QString &detail = error.detail;
    switch (error.reason) {
    case R::None:
        return detail;
    case R::FileMissing:
        return tr("the file does not exist");
    case R::FolderMissing:
        return tr("the folder %1 does not exist").arg(a0);
    case R::SymlinkLoop:
        return tr("the path is a symbolic link loop");
    case R::CannotStat:
        return tr("cannot look at the file: %1").arg(detail);
    case R::NotRegularFile:
        if (a0 == QLatin1String("directory"))
            return tr("this is a directory, not a database file");
        if (a0 == QLatin1String("fifo"))
            return tr("this is a FIFO (named pipe), not a database file");
        if (a0 == QLatin1String("socket"))
            return tr("this is a socket, not a database file");
        if (a0 == QLatin1String("device"))
            return tr("this is a device, not a database file");
        return tr("this is not a regular file, not a database file");
    case R::NotReadable:
        return tr("the file is not readable: %1").arg(detail);
    case R::CannotOpenFile:
        return tr("cannot open the file: %1").arg(detail);
    case R::EmptyFile:
        return tr("the file is empty (0 bytes), not a SQLite database; it is left untouched (SQLite would "
                  "silently turn it into a new database)");
    case R::TooShort:
        return tr("not a SQLite database (only %1 bytes long)").arg(a0);
    case R::NoSqliteHeader:
        return tr("not a SQLite database (the file does not start with the SQLite header)");
    case R::HeaderDamaged:
        return tr("the database header is damaged (page size %1, format bytes %2/%3)")
            .arg(a0, error.args.value(1), error.args.value(2));
    case R::FileExists:
        return tr("the file already exists; refusing to overwrite it");
    case R::SqliteLocked:
        return tr("database is locked by another connection (%1)").arg(detail);
    case R::SqliteNotADatabase:
        return tr("not a SQLite database (%1)").arg(detail);
    case R::SqliteCorrupt:
        return tr("the database is damaged (%1)").arg(detail);
    case R::IndexDisagrees:
        return tr("this page could not be read through its index: the database is damaged (index %1 "
                  "disagrees with table %2: %3 rows through the index, %4 in the table). The rows shown were "
                  "read from the table; run Check.")
            .arg(a0, error.args.value(1), error.args.value(2), error.args.value(3));
    case R::SqliteReadOnly:
        return tr("cannot write: %1").arg(detail);
    case R::SqliteInterrupted:
        return tr("cancelled");
    case R::SqliteDenied:
        return tr("not allowed: the database is open read-only (%1)").arg(detail);
    case R::SqliteCantOpen:
        return tr("cannot open the file (%1)").arg(detail);
    case R::SqliteIo:
        return tr("input/output error (%1)").arg(detail);
    case R::SqliteOther:
        return detail;
    case R::NotOpen:
        return tr("no database is open");
    case R::ConnectionClosed:
        return tr("the connection closed while the work was under way");
    case R::WalCompanionsUnwritable:
        return tr("cannot read this WAL database: SQLite must create %1-shm and %1-wal beside it, and the "
                  "folder is not writable by this user (open a copy, or let the backend open it first so "
                  "that they exist)")
            .arg(a0);
    case R::StatementOpen:
        return tr("this connection still has a statement or transaction open");
    case R::CheckpointReadOnly:
        return tr("opened read-only: a checkpoint writes to the database");
    case R::NoNativeHandle:
        if (error.args.size() < 2)
            return tr("Qt's SQLite driver exposes no native handle");
        return tr("Qt's SQLite driver runs SQLite %1 but the inspector links %2; native-only features are "
                  "disabled")
            .arg(a0, error.args.value(1));
    case R::CopyOfOpenDatabase:
        return tr("close it before copying it (copying would drop this connection's locks)");
    case R::CopyFailed:
        return tr("cannot copy it to %1: %2").arg(a0, detail);
    case R::CopyFolderFailed:
        return tr("cannot create a folder for the copy: %1").arg(detail);
    case R::CopyKeptChanging:
        return tr("the database kept changing while it was copied (a checkpoint ran each time); try again");
    case R::NoMessagesTable:
        return tr("there is no messages table");
    case R::NoSessionIdColumn:
        return tr("the messages table has no session_id");
    case R::NoTextColumn:
        return tr("the messages table has no text column");
    case R::NoSuchSession:
        return tr("there is no session with id '%1'").arg(a0);
    case R::ExportOntoDatabase:
        return tr("refusing to export onto the database's own files");
    case R::WriteFailed:
        return detail;
    case R::ProbeNoAnswer:
        return tr("the probe process printed no readable answer");
    case R::ProbeDidNotFinish:
        return tr("the probe process (%1 probe-files) did not finish").arg(a0);
    case R::ProbeTimedOut:
        return tr("the probe process did not finish within %1 ms and was stopped").arg(a0);
    case R::ProbeNotStarted:
        return tr("the probe process (%1) could not be started: %2").arg(a0, detail);
    case R::ProbeFailed:
        return detail;
    case R::SearchIndexBusy:
        return tr("another window is building this search index");
    case R::RecordingMissing:
    case R::RecordingIsFolder:
    case R::RecordingIsDatabase:
    case R::RecordingTooBig:
    case R::RecordingUnreadable:
    case R::NotARecording:
    case R::RecordingOntoDatabase:
    case R::RecordingWriteFailed:
        return RecordingText::reason(error);
    }
    return detail;
}

} // namespace kalito
