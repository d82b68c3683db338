#pragma once

#include "dberror.h"
#include "searchindexinfo.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct sqlite3;

namespace kalito {

class Database;

// The search index of one database: an FTS5 trigram table in its own SQLite file in the user's
// cache (`$XDG_CACHE_HOME/kalito-inspector/`), never inside kalito.db. It is opened through its own
// sqlite3 handle, on the connection thread, for the length of one request and closed at its end:
// that handle never sees kalito.db, and the one connection only reads kalito.db, so no write
// transaction of the index can take a lock on the database (docs/search-index.md).
//
// The index is contentless (it holds no copy of the text) with detail=none (no positions): a
// search asks it for the rows holding every trigram of the text and checks each against the live
// row, so the index only narrows the rows to read; it never decides what is a hit.
class SearchIndexFile
{
public:
    static constexpr int kFormat = 1;

    SearchIndexFile() = default;
    ~SearchIndexFile();
    SearchIndexFile(const SearchIndexFile &) = delete;
    SearchIndexFile &operator=(const SearchIndexFile &) = delete;

    // $XDG_CACHE_HOME/kalito-inspector (QStandardPaths::GenericCacheLocation).
    static QString cacheDirectory();
    // One file per database, named from its canonical path; what the file was made for is kept
    // inside it (meta) and checked by inspect().
    static QString pathFor(const QString &databasePath);
    // Removes the index file and its companions (-wal, -shm, -journal).
    static void remove(const QString &indexPath);
    // The file and its -wal on disk.
    static qint64 bytesOnDisk(const QString &indexPath);

    // Opens an existing index file, or creates an empty one (schema and the database's identity).
    DbError openExisting(const QString &path);
    DbError create(const QString &path, const QString &databasePath);
    void close();
    bool isOpen() const { return m_handle != nullptr; }
    sqlite3 *handle() const { return m_handle; }
    QString path() const { return m_path; }

    DbError exec(const QString &sql);
    QString meta(const QString &key, DbError *error = nullptr) const;
    DbError setMeta(const QString &key, const QString &value);
    DbError lastError() const;

    // Candidate rows: the rowids in [from, to] holding every trigram of match (an FTS5 query),
    // in rowid order, at most limit.
    QList<qint64> candidates(const QString &match, qint64 from, qint64 to, int limit, DbError *error) const;
    // Adds rows (rowid, UTF-8 text) in one transaction and records how far the index reaches.
    DbError append(const QList<QPair<qint64, QByteArray>> &rows, qint64 indexedThrough, qint64 indexedRows);

    // Reads what the index of db's file is and checks it against the live database (identity,
    // rowids, sampled rows). keep, when given, is left open on a usable (Ready or Partial) index.
    static SearchIndexInfo inspect(Database &db, SearchIndexFile *keep = nullptr);
    // The sampled rows' fingerprint (kept at the end of a build, compared by inspect()).
    static QByteArray fingerprint(const QByteArray &text);
    // Whether this SQLite has FTS5 and its trigram tokenizer (an in-memory table is tried).
    static bool trigramAvailable();

private:
    DbError openHandle(const QString &path, bool create);

    sqlite3 *m_handle = nullptr;
    QString m_path;
};

} // namespace kalito
