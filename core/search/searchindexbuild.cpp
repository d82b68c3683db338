#include "searchindexbuild.h"

#include "database.h"
#include "logging.h"
#include "searchindexfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

#include <sqlite3.h>

namespace kalito {

namespace {

// The message text as SQLite's LIKE sees it (CAST: numbers and blobs as their text), UTF-8 bytes.
const QString kRowsSql = QStringLiteral(
    "SELECT rowid, CAST(text AS BLOB) FROM messages WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?");

} // namespace

bool SearchIndexLock::acquire(const QString &path)
{
    std::lock_guard<std::mutex> guard(m_mutex);
    m_file = std::make_unique<QLockFile>(path);
    // 0: never stale by age (a build takes minutes), only when its process is gone.
    m_file->setStaleLockTime(0);
    if (m_file->tryLock(0))
        return true;
    m_file.reset();
    return false;
}

void SearchIndexLock::release()
{
    std::lock_guard<std::mutex> guard(m_mutex);
    m_file.reset(); // unlocks
}

SearchIndexLock::~SearchIndexLock()
{
    release();
}

SearchIndexEstimate SearchIndexBuild::estimate(Database &db)
{
    SearchIndexEstimate e;
    e.info = SearchIndexFile::inspect(db);
    if (e.info.state == SearchIndexInfo::State::Unavailable) {
        e.error = e.info.error;
        return e;
    }
    const SqlResult range = db.select(
        QStringLiteral("SELECT (SELECT min(rowid) FROM messages), (SELECT max(rowid) FROM messages)"));
    if (!range.ok()) {
        e.error = range.error;
        return e;
    }
    if (range.value(0, 0).isNull())
        return e;
    const qint64 first = range.value(0, 0).toLongLong();
    const qint64 last = range.value(0, 1).toLongLong();
    e.rows = last - first + 1;
    // Four places along the table, 250 rows each.
    QList<QByteArray> texts;
    qint64 sampleBytes = 0;
    for (int i = 0; i < 4; ++i) {
        const qint64 at = first + (last - first) * i / 4 - 1;
        const SqlResult r = db.select(kRowsSql, {at, last, 250});
        if (!r.ok()) {
            e.error = r.error;
            return e;
        }
        for (const QVariantList &row : r.rows) {
            texts << row.value(1).toByteArray();
            sampleBytes += texts.last().size();
        }
    }
    e.sampleRows = int(texts.size());
    if (texts.isEmpty())
        return e;
    e.textBytes = qint64(double(sampleBytes) / texts.size() * e.rows);
    e.indexBytes = qint64(double(e.textBytes) * kIndexBytesPerTextByte);
    // The sample indexed in memory, timed: the build's cost per byte of text, times 4 for the reading,
    // the step commits and the merging of a large index (the benchmark's builds took 1.9 and 2.1 times
    // a factor of 2: docs/search-index.md).
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
        sqlite3_exec(h,
                     "CREATE VIRTUAL TABLE t USING fts5(x, content='', detail=none, "
                     "tokenize='trigram case_sensitive 0'); BEGIN",
                     nullptr, nullptr, nullptr) == SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        QElapsedTimer timer;
        timer.start();
        if (sqlite3_prepare_v2(h, "INSERT INTO t(rowid, x) VALUES (?, ?)", -1, &s, nullptr) == SQLITE_OK) {
            qint64 rowid = 0;
            for (const QByteArray &t : std::as_const(texts)) {
                sqlite3_bind_int64(s, 1, ++rowid);
                sqlite3_bind_text(s, 2, t.constData(), int(t.size()), SQLITE_STATIC);
                sqlite3_step(s);
                sqlite3_reset(s);
            }
            sqlite3_finalize(s);
            sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
        }
        const double usPerByte = double(timer.nsecsElapsed()) / 1000.0 / double(qMax<qint64>(1, sampleBytes));
        e.buildMs = qint64(usPerByte * double(e.textBytes) * 4.0 / 1000.0);
    }
    sqlite3_close(h);
    return e;
}

bool SearchIndexBuild::begin(Database &db, State &state)
{
    const SqlResult range = db.select(
        QStringLiteral("SELECT (SELECT min(rowid) FROM messages), (SELECT max(rowid) FROM messages)"));
    if (!range.ok()) {
        state.error = range.error;
        return false;
    }
    state.firstRowid = range.value(0, 0).toLongLong();
    state.target = range.value(0, 1).toLongLong();
    const QString path = SearchIndexFile::pathFor(db.path());
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!state.lock)
        state.lock = std::make_shared<SearchIndexLock>();
    if (!state.lock->acquire(path + QStringLiteral(".lock"))) {
        state.error = DbError::make(DbError::Kind::Locked, DbError::Reason::SearchIndexBusy, path);
        return false;
    }
    SearchIndexFile index;
    if (!state.fresh) {
        // Resume (Partial) or update (Ready) only an index that checks out; anything else is
        // replaced by a new file.
        const SearchIndexInfo info = SearchIndexFile::inspect(db);
        using S = SearchIndexInfo::State;
        state.fresh = !(info.state == S::Partial || info.state == S::Ready);
        state.indexedThrough = info.indexedThrough;
        state.indexedRows = info.indexedRows;
    }
    if (state.fresh) {
        const DbError e = index.create(SearchIndexFile::pathFor(db.path()), db.path());
        if (e.isError()) {
            state.error = e;
            return false;
        }
        state.indexedThrough = range.value(0, 0).isNull() ? 0 : state.firstRowid - 1;
        state.indexedRows = 0;
        const DbError m =
            index.setMeta(QStringLiteral("indexed_through"), QString::number(state.indexedThrough));
        if (m.isError()) {
            state.error = m;
            return false;
        }
    }
    state.startedThrough = state.indexedThrough;
    qCInfo(lcDb).noquote() << (state.fresh ? "search index: building" : "search index: updating") << "rows"
                           << state.indexedThrough + 1 << "to" << state.target;
    return true;
}

void SearchIndexBuild::step(Database &db, State &state)
{
    runStep(db, state);
    if (state.done && state.lock)
        state.lock->release();
}

void SearchIndexBuild::runStep(Database &db, State &state)
{
    QElapsedTimer timer;
    timer.start();
    if (state.steps == 1 && !begin(db, state)) {
        state.done = true;
        return;
    }
    if (state.indexedThrough >= state.target) {
        finish(db, state);
        return;
    }
    // Read, and finish the statement (the read snapshot ends here), then write the index.
    const SqlResult r = db.select(kRowsSql, {state.indexedThrough, state.target, state.batch});
    if (!r.ok()) {
        state.error = r.error;
        state.done = true;
        return;
    }
    QList<QPair<qint64, QByteArray>> rows;
    rows.reserve(r.rows.size());
    for (const QVariantList &row : r.rows) {
        if (!row.value(1).isNull())
            rows.append({row.value(0).toLongLong(), row.value(1).toByteArray()});
    }
    const qint64 through = r.rows.size() < state.batch ? state.target : r.rows.last().value(0).toLongLong();
    SearchIndexFile index;
    DbError e = index.openExisting(SearchIndexFile::pathFor(db.path()));
    if (!e.isError())
        e = index.append(rows, through, state.indexedRows + rows.size());
    if (e.isError()) {
        state.error = e;
        state.done = true;
        return;
    }
    state.indexedThrough = through;
    state.indexedRows += rows.size();
    const qint64 ms = timer.elapsed();
    state.longestStepMs = qMax(state.longestStepMs, ms);
    if (ms * 2 < kTargetStepMs)
        state.batch = qMin(state.batch * 2, 1 << 16);
    else if (ms > kTargetStepMs * 2)
        state.batch = qMax(state.batch / 2, 16);
    if (state.indexedThrough >= state.target)
        finish(db, state);
}

void SearchIndexBuild::finish(Database &db, State &state)
{
    state.done = true;
    SearchIndexFile index;
    DbError e = index.openExisting(SearchIndexFile::pathFor(db.path()));
    if (e.isError()) {
        state.error = e;
        return;
    }
    const bool wasComplete = index.meta(QStringLiteral("complete")) == QLatin1String("1");
    if (!wasComplete) {
        // A few rows spread over the table, remembered by fingerprint: inspect() compares them
        // with the live rows to tell a database replaced under the index.
        QJsonArray samples;
        for (int i = 0; i < kSamples && state.target >= state.firstRowid; ++i) {
            const qint64 at = state.firstRowid + (state.target - state.firstRowid) * i / kSamples;
            const SqlResult r =
                db.select(QStringLiteral("SELECT rowid, CAST(text AS BLOB) FROM messages "
                                         "WHERE rowid >= ? AND text IS NOT NULL ORDER BY rowid LIMIT 1"),
                          {at});
            if (!r.ok()) {
                state.error = r.error;
                return;
            }
            if (!r.rows.isEmpty())
                samples.append(QJsonArray{
                    r.value(0, 0).toLongLong(),
                    QString::fromLatin1(SearchIndexFile::fingerprint(r.value(0, 1).toByteArray()))});
        }
        e = index.setMeta(QStringLiteral("samples"),
                          QString::fromUtf8(QJsonDocument(samples).toJson(QJsonDocument::Compact)));
        if (!e.isError())
            e = index.setMeta(QStringLiteral("complete"), QStringLiteral("1"));
        if (e.isError()) {
            state.error = e;
            return;
        }
    }
    index.close();
    state.info = SearchIndexFile::inspect(db);
    qCInfo(lcDb).noquote() << "search index: reaches row" << state.indexedThrough << "-" << state.indexedRows
                           << "rows," << state.info.fileBytes << "bytes; longest step" << state.longestStepMs
                           << "ms";
}

} // namespace kalito
