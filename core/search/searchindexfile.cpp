#include "searchindexfile.h"

#include "database.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include <sqlite3.h>
#include <sys/stat.h>

namespace kalito {

namespace {

// The index's own schema. detail=none keeps no positions (the index is about a fifth of what
// detail=full takes): a search asks for rows holding all the trigrams and checks each live row.
const char *const kSchema = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                            "CREATE VIRTUAL TABLE fts USING fts5(text, content='', detail=none, "
                            "tokenize='trigram case_sensitive 0');"
                            // Each ~20 ms step commits a small segment. Merging 8 at a time
                            // (not 4) and no crisis merge below 64 segments halved the build's
                            // CPU time without a long step (measured on 200,000 messages in
                            // 500-row transactions: 6.9 -> 3.7 s, longest commit 108 -> 72 ms;
                            // automerge 16 alone left crisis merges of 1.3 s).
                            "INSERT INTO fts(fts, rank) VALUES('automerge', 8);"
                            "INSERT INTO fts(fts, rank) VALUES('crisismerge', 64);";

QString canonical(const QString &path)
{
    const QString c = QFileInfo(path).canonicalFilePath();
    return c.isEmpty() ? QFileInfo(path).absoluteFilePath() : c;
}

// The database file's identity on disk: stat() only (never an open: see sqlite-wal-and-locks.md).
QString fileIdentity(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QString();
    return QStringLiteral("%1:%2").arg(qulonglong(st.st_dev)).arg(qulonglong(st.st_ino));
}

struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    ~Statement() { sqlite3_finalize(stmt); }
};

} // namespace

SearchIndexFile::~SearchIndexFile()
{
    close();
}

QString SearchIndexFile::cacheDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/kalito-inspector");
}

QString SearchIndexFile::pathFor(const QString &databasePath)
{
    const QByteArray key =
        QCryptographicHash::hash(canonical(databasePath).toUtf8(), QCryptographicHash::Sha256);
    return cacheDirectory() + QStringLiteral("/search-") + QString::fromLatin1(key.toHex().left(24)) +
           QStringLiteral(".fts5.sqlite");
}

void SearchIndexFile::remove(const QString &indexPath)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(indexPath + QLatin1String(suffix));
}

qint64 SearchIndexFile::bytesOnDisk(const QString &indexPath)
{
    return QFileInfo(indexPath).size() + QFileInfo(indexPath + QStringLiteral("-wal")).size();
}

DbError SearchIndexFile::openHandle(const QString &path, bool create)
{
    close();
    m_path = path;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_EXRESCODE;
    sqlite3 *h = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &h, flags, nullptr);
    if (rc != SQLITE_OK) {
        const DbError e = DbError::fromSqlite(rc, h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString(), path);
        sqlite3_close(h);
        return e;
    }
    m_handle = h;
    // Two windows on one database share the file: the second waits a little, then searches
    // without the index (its error is taken as "index not usable now").
    sqlite3_busy_timeout(h, 2000);
    // WAL with synchronous=NORMAL: a commit per step costs no fsync; a crash loses at most the
    // last steps, which the next build resumes from indexed_through.
    DbError e = exec(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"));
    return e;
}

DbError SearchIndexFile::openExisting(const QString &path)
{
    if (!QFileInfo(path).isFile())
        return DbError::make(DbError::Kind::NotFound, DbError::Reason::FileMissing, path);
    return openHandle(path, false);
}

DbError SearchIndexFile::create(const QString &path, const QString &databasePath)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    remove(path);
    DbError e = openHandle(path, true);
    if (!e.isError())
        e = exec(QString::fromLatin1(kSchema));
    if (e.isError()) {
        close();
        remove(path);
        return e;
    }
    e = exec(QStringLiteral("BEGIN"));
    const QList<QPair<QString, QString>> meta = {
        {QStringLiteral("format"), QString::number(kFormat)},
        {QStringLiteral("database_path"), canonical(databasePath)},
        {QStringLiteral("database_identity"), fileIdentity(databasePath)},
        {QStringLiteral("indexed_through"), QStringLiteral("0")},
        {QStringLiteral("indexed_rows"), QStringLiteral("0")},
        {QStringLiteral("complete"), QStringLiteral("0")},
        {QStringLiteral("samples"), QStringLiteral("[]")},
    };
    for (const auto &kv : meta) {
        if (!e.isError())
            e = setMeta(kv.first, kv.second);
    }
    if (!e.isError())
        e = exec(QStringLiteral("COMMIT"));
    if (e.isError()) {
        close();
        remove(path);
    }
    return e;
}

void SearchIndexFile::close()
{
    if (m_handle) {
        sqlite3_close_v2(m_handle);
        m_handle = nullptr;
    }
}

DbError SearchIndexFile::lastError() const
{
    if (!m_handle)
        return DbError::make(DbError::Kind::NotOpen, DbError::Reason::NotOpen, m_path);
    return DbError::fromSqlite(sqlite3_extended_errcode(m_handle),
                               QString::fromUtf8(sqlite3_errmsg(m_handle)), m_path);
}

DbError SearchIndexFile::exec(const QString &sql)
{
    if (!m_handle)
        return lastError();
    if (sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError();
    return DbError();
}

QString SearchIndexFile::meta(const QString &key, DbError *error) const
{
    Statement s;
    if (!m_handle || sqlite3_prepare_v2(m_handle, "SELECT value FROM meta WHERE key = ?", -1, &s.stmt,
                                        nullptr) != SQLITE_OK) {
        if (error)
            *error = lastError();
        return QString();
    }
    const QByteArray k = key.toUtf8();
    sqlite3_bind_text(s.stmt, 1, k.constData(), int(k.size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(s.stmt);
    if (rc == SQLITE_ROW)
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s.stmt, 0)));
    if (rc != SQLITE_DONE && error)
        *error = lastError();
    else if (error) // a key every index has: missing, the file is not what it says
        *error = DbError::make(DbError::Kind::Corrupt, DbError::Reason::SqliteCorrupt, m_path, {},
                               QStringLiteral("no %1 in meta").arg(key));
    return QString();
}

DbError SearchIndexFile::setMeta(const QString &key, const QString &value)
{
    Statement s;
    if (!m_handle || sqlite3_prepare_v2(m_handle, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", -1,
                                        &s.stmt, nullptr) != SQLITE_OK)
        return lastError();
    const QByteArray k = key.toUtf8();
    const QByteArray v = value.toUtf8();
    sqlite3_bind_text(s.stmt, 1, k.constData(), int(k.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(s.stmt, 2, v.constData(), int(v.size()), SQLITE_TRANSIENT);
    return sqlite3_step(s.stmt) == SQLITE_DONE ? DbError() : lastError();
}

QList<qint64> SearchIndexFile::candidates(const QString &match, qint64 from, qint64 to, int limit,
                                          DbError *error) const
{
    QList<qint64> rowids;
    Statement s;
    if (!m_handle || sqlite3_prepare_v2(m_handle,
                                        "SELECT rowid FROM fts WHERE fts MATCH ? AND rowid BETWEEN ? AND ? "
                                        "ORDER BY rowid LIMIT ?",
                                        -1, &s.stmt, nullptr) != SQLITE_OK) {
        *error = lastError();
        return rowids;
    }
    const QByteArray m = match.toUtf8();
    sqlite3_bind_text(s.stmt, 1, m.constData(), int(m.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(s.stmt, 2, from);
    sqlite3_bind_int64(s.stmt, 3, to);
    sqlite3_bind_int(s.stmt, 4, limit);
    int rc;
    while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW)
        rowids << sqlite3_column_int64(s.stmt, 0);
    if (rc != SQLITE_DONE)
        *error = lastError();
    return rowids;
}

DbError SearchIndexFile::append(const QList<QPair<qint64, QByteArray>> &rows, qint64 indexedThrough,
                                qint64 indexedRows)
{
    DbError e = exec(QStringLiteral("BEGIN"));
    if (e.isError())
        return e;
    {
        Statement s;
        if (sqlite3_prepare_v2(m_handle, "INSERT INTO fts(rowid, text) VALUES (?, ?)", -1, &s.stmt,
                               nullptr) != SQLITE_OK)
            e = lastError();
        for (const auto &row : rows) {
            if (e.isError())
                break;
            sqlite3_bind_int64(s.stmt, 1, row.first);
            sqlite3_bind_text(s.stmt, 2, row.second.constData(), int(row.second.size()), SQLITE_STATIC);
            if (sqlite3_step(s.stmt) != SQLITE_DONE)
                e = lastError();
            sqlite3_reset(s.stmt);
        }
    }
    if (!e.isError())
        e = setMeta(QStringLiteral("indexed_through"), QString::number(indexedThrough));
    if (!e.isError())
        e = setMeta(QStringLiteral("indexed_rows"), QString::number(indexedRows));
    if (!e.isError())
        e = exec(QStringLiteral("COMMIT"));
    if (e.isError())
        exec(QStringLiteral("ROLLBACK"));
    return e;
}

QByteArray SearchIndexFile::fingerprint(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex().left(32);
}

bool SearchIndexFile::trigramAvailable()
{
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        return false;
    }
    const bool ok = sqlite3_exec(h,
                                 "CREATE VIRTUAL TABLE t USING fts5(x, content='', detail=none, "
                                 "tokenize='trigram case_sensitive 0')",
                                 nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(h);
    return ok;
}

SearchIndexInfo SearchIndexFile::inspect(Database &db, SearchIndexFile *keep)
{
    using State = SearchIndexInfo::State;
    SearchIndexInfo info;
    info.path = pathFor(db.path());
    if (!db.handle() || !trigramAvailable()) {
        info.state = State::Unavailable;
        return info;
    }
    const bool hasSequence = db.tableExists(QStringLiteral("sqlite_sequence"));
    const SqlResult live =
        db.select(hasSequence ? QStringLiteral("SELECT (SELECT max(rowid) FROM messages), "
                                               "(SELECT seq FROM sqlite_sequence WHERE name = 'messages')")
                              : QStringLiteral("SELECT (SELECT max(rowid) FROM messages), NULL"));
    if (!live.ok()) {
        info.state = State::Unavailable; // no messages table: nothing to index
        info.error = live.error;
        return info;
    }
    info.messagesLastRowid = live.value(0, 0).toLongLong();
    if (!QFileInfo(info.path).isFile()) {
        info.state = State::Absent;
        return info;
    }
    info.fileBytes = bytesOnDisk(info.path);

    SearchIndexFile f;
    auto damaged = [&info](const DbError &e) {
        info.state = State::Damaged;
        info.error = e;
        qCWarning(lcDb).noquote() << "search index not used:" << e.toString();
        return info;
    };
    DbError e = f.openExisting(info.path);
    if (e.isError())
        return damaged(e);
    const QString format = f.meta(QStringLiteral("format"), &e);
    if (e.isError())
        return damaged(e);
    if (format != QString::number(kFormat))
        return damaged(DbError::make(DbError::Kind::Corrupt, DbError::Reason::SqliteCorrupt, info.path, {},
                                     QStringLiteral("format %1").arg(format)));
    // A truncated file: fewer bytes than the pages its header counts (SQLite would only notice
    // when a query reaches a missing page). With a -wal beside it the pages may be there.
    if (!QFileInfo::exists(info.path + QStringLiteral("-wal"))) {
        Statement s;
        qint64 pages = -1, pageSize = 0;
        if (sqlite3_prepare_v2(f.m_handle,
                               "SELECT page_count, page_size FROM pragma_page_count, pragma_page_size", -1,
                               &s.stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(s.stmt) == SQLITE_ROW) {
            pages = sqlite3_column_int64(s.stmt, 0);
            pageSize = sqlite3_column_int64(s.stmt, 1);
        }
        if (pages < 0)
            return damaged(f.lastError());
        if (pages * pageSize > QFileInfo(info.path).size())
            return damaged(DbError::make(DbError::Kind::Corrupt, DbError::Reason::SqliteCorrupt, info.path,
                                         {}, QStringLiteral("truncated")));
    }
    QString values[6];
    const char *keys[6] = {"database_path", "database_identity", "indexed_through",
                           "indexed_rows",  "complete",          "samples"};
    for (int i = 0; i < 6; ++i) {
        values[i] = f.meta(QString::fromLatin1(keys[i]), &e);
        if (e.isError())
            return damaged(e);
    }
    info.indexedThrough = values[2].toLongLong();
    info.indexedRows = values[3].toLongLong();
    if (values[0] != canonical(db.path())) {
        info.state = State::Foreign;
        return info;
    }
    // Same path, another file (a copy put in its place): the rows may be anything.
    if (values[1] != fileIdentity(db.path())) {
        info.state = State::Replaced;
        return info;
    }
    // AUTOINCREMENT never hands out a rowid twice: a sequence below what was indexed is another table.
    if (hasSequence && !live.value(0, 1).isNull() && live.value(0, 1).toLongLong() < info.indexedThrough) {
        info.state = State::Replaced;
        return info;
    }
    const QJsonArray samples = QJsonDocument::fromJson(values[5].toUtf8()).array();
    int present = 0;
    for (const QJsonValue &v : samples) {
        const QJsonArray pair = v.toArray();
        const SqlResult r =
            db.select(QStringLiteral("SELECT CAST(text AS BLOB) FROM messages WHERE rowid = ?"),
                      {pair.at(0).toVariant().toLongLong()});
        if (!r.ok())
            return damaged(r.error);
        if (r.rows.isEmpty())
            continue; // deleted since: says nothing
        ++present;
        if (fingerprint(r.value(0, 0).toByteArray()) != pair.at(1).toString().toLatin1()) {
            info.state = State::Replaced;
            return info;
        }
    }
    if (!samples.isEmpty() && present == 0) {
        info.state = State::Replaced; // every sampled row gone: nothing left to vouch for the index
        return info;
    }
    info.state = values[4] == QLatin1String("1") ? State::Ready : State::Partial;
    if (keep) {
        keep->close();
        keep->m_handle = f.m_handle;
        keep->m_path = f.m_path;
        f.m_handle = nullptr;
    }
    return info;
}

} // namespace kalito
