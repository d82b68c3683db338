#pragma once

#include "dberror.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kalito {

// One b-tree of the file (a table, an index, sqlite_schema), summed over its pages from SQLite's
// dbstat virtual table exactly as sqlite3_analyzer sums them (same columns, same formulas), so
// the two agree to the page and the byte.
struct SpaceTree
{
    QString name;
    QString table; // the table it belongs to (itself for a table)
    bool isIndex = false;
    bool withoutRowid = false;
    qint64 entries = 0; // rows (leaf cells of a rowid table; every cell of an index or WITHOUT ROWID)
    qint64 interiorPages = 0;
    qint64 leafPages = 0;
    qint64 overflowPages = 0;
    qint64 payload = 0;         // bytes of payload, overflow included (analyzer: "Bytes of payload")
    qint64 overflowPayload = 0; // of which on overflow pages
    qint64 overflowEntries = 0; // entries that spill onto overflow pages
    qint64 maxPayload = 0;      // the largest payload of one entry
    qint64 interiorUnused = 0;  // free bytes inside its pages: what VACUUM could compact
    qint64 leafUnused = 0;
    qint64 overflowUnused = 0;
    int depth = 0;     // levels from the root page to a leaf (1: the root is a leaf)
    qint64 stepMs = 0; // how long its one read took (the snapshot it held)

    qint64 pages() const { return interiorPages + leafPages + overflowPages; }
    qint64 unused() const { return interiorUnused + leafUnused + overflowUnused; }
};

// A table with its indexes: what dropping the table would give back.
struct SpaceTable
{
    QString name;
    SpaceTree tree;
    QList<SpaceTree> indexes; // largest first
    qint64 pages() const;     // the table's and its indexes'
    qint64 payload() const;
    qint64 unused() const;
};

// Bytes of message text held by one session (see docs/space.md: the UTF-8 bytes of messages.text).
struct SpaceSession
{
    QString id;
    QString name;
    qint64 messages = 0;
    qint64 bytes = 0;
};

struct SpaceMessage
{
    qint64 id = 0;
    QString sessionId;
    QString sessionName;
    qint64 bytes = 0;
};

// Where the bytes of a database file go. Computed by SpaceScan; shown by the Space page and
// `kalito-inspector space`.
struct SpaceReport
{
    QString path;
    // The file, from SQLite (pages) and stat() (bytes on disk).
    qint64 pageSize = 0;
    qint64 pageCount = 0;       // PRAGMA page_count: the database as SQLite sees it (the WAL included)
    qint64 freelistPages = 0;   // PRAGMA freelist_count: VACUUM gives these back at least
    qint64 autovacuumPages = 0; // pointer-map pages of an auto_vacuum file
    qint64 fileBytes = 0;       // the main file on disk now
    qint64 walBytes = 0;        // -wal on disk: what a completed TRUNCATE checkpoint gives back
    qint64 shmBytes = 0;        // -shm on disk (not given back: it is the WAL-index)
    bool walExists = false;
    bool shmExists = false;
    QString journalMode;
    QList<SpaceTree> trees; // every b-tree, in the order they were read

    // Top sessions by message bytes and the largest messages (empty when messages lacks
    // session_id or text, or the scan was not asked for).
    bool sessionsScanned = false;
    qint64 messagesScanned = 0;
    qint64 messageBytes = 0; // all messages' text bytes
    QList<SpaceSession> topSessions;
    QList<SpaceMessage> largestMessages;

    // How the scan went.
    DbError error;
    bool cancelled = false;
    bool complete = false;
    int steps = 0;
    qint64 elapsedMs = 0;     // first step to last, waits between steps included
    qint64 longestStepMs = 0; // the longest single read (one snapshot held)
    QString longestStep;      // what it read

    qint64 databaseBytes() const { return pageCount * pageSize; }
    qint64 usedPages() const;   // pages of every b-tree
    qint64 userPayload() const; // payload of the tables (not indexes, not sqlite_schema): analyzer's figure
    // The main file after a checkpoint copies the WAL in, before any VACUUM (page_count × page_size).
    qint64 fileBytesAfterCheckpoint() const { return databaseBytes(); }
    // Tables with their indexes, largest first (sqlite_schema among them, as the analyzer does).
    QList<SpaceTable> tables() const;
    double shareOfFile(qint64 pages) const
    {
        return pageCount > 0 ? 100.0 * double(pages) / double(pageCount) : 0.0;
    }

    // `space --json`: field names never change (documented in the man page).
    QJsonObject toJson() const;
};

} // namespace kalito
