#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

class QJsonObject;
class QSqlError;
struct sqlite3;

namespace kalito {

// An error value: core never shows a dialog and never exits, it returns one of these and the
// caller (window or command line) decides how to tell the user. Core says what happened as codes
// with arguments; the sentences are written once, in ErrorText (core/text), with tr(): the
// person's language in the window, English on the command line (it installs no catalogue).
struct DbError
{
    // What kind of trouble: what a caller decides on (and `status --json` reports, kindName()).
    enum class Kind {
        None,
        NotFound,
        NotARegularFile,
        Unreadable,
        EmptyFile,
        NotADatabase,
        AlreadyExists,
        Locked,
        ReadOnly,
        Corrupt,
        Interrupted,
        Sqlite,
        Io,
        NotOpen,          // a request reached the connection while no database was open
        ConnectionClosed, // the connection went away while work was under way
    };
    // Exactly what happened, with its arguments (args) and detail: what a message is worded from.
    enum class Reason {
        None,
        // The file, before SQLite sees it (FileProbe, a new file)
        FileMissing,
        FolderMissing, // args: the folder
        SymlinkLoop,
        CannotStat,     // detail: the system's words
        NotRegularFile, // args: "directory", "fifo", "socket", "device" or "other"
        NotReadable,    // detail
        CannotOpenFile, // detail
        EmptyFile,
        TooShort, // args: the size in bytes
        NoSqliteHeader,
        HeaderDamaged, // args: page size, format bytes 18 and 19
        FileExists,
        // SQLite's result codes; detail: SQLite's own message (not translated)
        SqliteLocked,
        SqliteNotADatabase,
        SqliteCorrupt,
        // args: the index or indexes, the table, rows read through them, rows the table has
        IndexDisagrees,
        SqliteReadOnly,
        SqliteInterrupted,
        SqliteDenied, // the read-only authorizer refused a statement
        SqliteCantOpen,
        SqliteIo,
        SqliteOther,
        // The connection
        NotOpen,
        ConnectionClosed,
        WalCompanionsUnwritable, // args: the database's file name
        StatementOpen,           // this connection still has a statement or transaction open
        NoNativeHandle,          // args: none (no handle), or Qt's and our SQLite source ids
        CheckpointReadOnly,      // a checkpoint asked of a read-only connection
        // A read-only copy
        CopyOfOpenDatabase,
        CopyFailed,       // args: the copy's path; detail
        CopyFolderFailed, // detail
        CopyKeptChanging,
        // What the data lacks, and exports
        NoMessagesTable,
        NoSessionIdColumn,
        NoTextColumn,
        NoSuchSession, // args: the id
        ExportOntoDatabase,
        WriteFailed, // detail
        // The lock probe (a child process)
        ProbeNoAnswer,
        ProbeDidNotFinish, // args: the program
        ProbeTimedOut,     // args: the time limit in ms
        ProbeNotStarted,   // args: the program; detail
        ProbeFailed,       // detail: what it printed on stderr
        // The search index
        SearchIndexBusy, // another window (process) is building the same index
        // A lock recording (LockRecordingFile), worded by RecordingText; path: the recording
        RecordingMissing,      // NotFound
        RecordingIsFolder,     // NotARegularFile
        RecordingIsDatabase,   // Unreadable: the open database's own file, never opened here
        RecordingTooBig,       // Unreadable; args: its size in bytes, the most it may hold in MB
        RecordingUnreadable,   // Unreadable; detail
        NotARecording,         // Corrupt; args and detail: the parser's RecordingFault (toArgs())
        RecordingOntoDatabase, // AlreadyExists: saving onto the open database's own file
        RecordingWriteFailed,  // Io; detail
    };

    Kind kind = Kind::None;
    Reason reason = Reason::None;
    int code = 0;         // SQLite primary result code, 0 when the error did not come from SQLite
    int extendedCode = 0; // SQLite extended result code
    QString path;         // the file concerned
    QStringList args;     // the reason's arguments (see Reason)
    QString detail;       // SQLite's or the system's own words, shown as they are

    bool isError() const { return kind != Kind::None; }
    // "PATH: reason" (ErrorText::describe): in the process's language, English on the command line.
    QString toString() const;
    // The reason alone (ErrorText::reason).
    QString reasonText() const;

    static DbError make(Kind kind, Reason reason, const QString &path, const QStringList &args = {},
                        const QString &detail = QString());
    // Classifies a SQLite result code (primary or extended) into a Kind and Reason.
    static DbError fromSqlite(int extendedCode, const QString &sqliteMessage, const QString &path);
    // From a Qt error; when the native handle is known its extended code is used.
    static DbError fromQt(const QSqlError &error, sqlite3 *handle, const QString &path);
    // Carried between processes (the lock probe): kind, reason, path, arguments, detail.
    QJsonObject toJson() const;
    static DbError fromJson(const QJsonObject &o);
};

QString kindName(DbError::Kind kind);

} // namespace kalito
