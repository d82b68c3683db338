#pragma once

#include "browse/keysetspec.h"
#include "exportoptions.h"

#include <QByteArray>
#include <QStringList>
#include <QVariant>

#include <memory>

class QSaveFile;

namespace kalito {

class Database;

// Writes one session and its messages to a file as Markdown, JSON or CSV (UTF-8), reading the
// messages in KeysetPager pages ordered by (created_at, rowid): messages without created_at first (by
// rowid), as ORDER BY created_at puts them. Each page is one finished statement, so a driver can
// run every page as its own request (ExportJob) and no read transaction spans the export; rows
// written by another process meanwhile may or may not be included, none is written twice.
// Columns come from PRAGMA table_xinfo: every column that exists is exported.
//
// JSON: {"session": {column: value, ...}, "messages": [{column: value, ...}, ...]}, columns in
// table order; integers and reals as numbers, NULL as null, BLOBs as base64 strings.
// CSV (RFC 4180): one header row of the message columns, CRLF line ends, a field quoted when it
// holds a comma, a quote, CR or LF (quotes doubled); NULL is an empty field, a BLOB base64.
// Values are written as stored: a text starting with "=" is not defused for spreadsheets.
// Markdown: the session's fields, then per message a heading with role and time, a line with
// its other fields, and the text as it is.
//
// All calls after the constructor happen on the thread that owns the Database.
class SessionExporter
{
public:
    explicit SessionExporter(const ExportOptions &options);
    ~SessionExporter();
    SessionExporter(const SessionExporter &) = delete;
    SessionExporter &operator=(const SessionExporter &) = delete;

    // Reads the schema and the session row, opens the file, writes the header.
    DbError begin(Database &db);
    // Writes the next page; returns false once every message is written (or on an error).
    bool writePage(Database &db);
    // Writes the footer and commits the file; with cancel = true discards it instead.
    ExportResult finish(bool cancel = false);

    qint64 messagesWritten() const { return m_result.messages; }
    const DbError &error() const { return m_result.error; }

    // Everything in one go, for the command line and tests.
    static ExportResult exportSession(Database &db, const ExportOptions &options);

    // Encoders (public for the tests).
    static QByteArray csvField(const QVariant &value);
    static QByteArray jsonValue(const QVariant &value);
    static QByteArray jsonString(const QString &text);

private:
    DbError refuseDatabaseFiles(const Database &db) const;
    void writeHeader(const QVariantList &session);
    void writeMessage(const QVariantList &row);
    void writeFooter();
    void write(const QByteArray &bytes);

    ExportOptions m_options;
    ExportResult m_result;
    std::unique_ptr<QSaveFile> m_file;
    QStringList m_sessionColumns;
    QStringList m_messageColumns;
    KeysetSpec m_nullSpec;  // messages whose created_at is NULL (or all, without the column), by rowid
    KeysetSpec m_timedSpec; // the others by (created_at, rowid); invalid without the column
    int m_phase = 0;        // 0: m_nullSpec, 1: m_timedSpec, 2: done
    QVariantList m_lastKey; // the last key written in this phase; empty before its first page
    QByteArray m_buffer;
};

} // namespace kalito
