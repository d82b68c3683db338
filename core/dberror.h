#pragma once

#include <QString>

class QSqlError;
struct sqlite3;

namespace kalito {

// An error value: core never shows a dialog and never exits, it returns one of these and the
// caller (window or command line) decides how to tell the user.
struct DbError
{
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
        NotOpen, // a request reached the connection while no database was open
    };

    Kind kind = Kind::None;
    int code = 0;         // SQLite primary result code, 0 when the error did not come from SQLite
    int extendedCode = 0; // SQLite extended result code
    QString message;      // the reason, in plain words
    QString path;         // the file concerned

    bool isError() const { return kind != Kind::None; }
    // "PATH: reason", the form every user-facing message takes.
    QString toString() const;

    static DbError make(Kind kind, const QString &path, const QString &message);
    // Classifies a SQLite result code (primary or extended) into a Kind with a readable reason.
    static DbError fromSqlite(int extendedCode, const QString &sqliteMessage, const QString &path);
    // From a Qt error; when the native handle is known its extended code is used.
    static DbError fromQt(const QSqlError &error, sqlite3 *handle, const QString &path);
};

QString kindName(DbError::Kind kind);

} // namespace kalito
