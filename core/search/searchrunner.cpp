#include "searchrunner.h"
#include "whenfinished.h"

#include "connection.h"
#include "logging.h"

#include <sqlite3.h>

namespace kalito {

struct SearchRunner::Shared
{
    std::atomic<bool> cancelled{false};
    std::atomic<bool> inChunk{false};
};

namespace {

int stopWhenCancelled(void *context)
{
    return static_cast<std::atomic<bool> *>(context)->load() ? 1 : 0;
}

// Installs a progress handler for the duration of one chunk: cancelling then stops exactly this
// statement, never a request that happens to run after it (which a late sqlite3_interrupt could).
class ScopedProgressHandler
{
public:
    ScopedProgressHandler(sqlite3 *handle, std::atomic<bool> *flag) : m_handle(handle)
    {
        if (m_handle)
            sqlite3_progress_handler(m_handle, 1000, &stopWhenCancelled, flag);
    }
    ~ScopedProgressHandler()
    {
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
    }
    ScopedProgressHandler(const ScopedProgressHandler &) = delete;
    ScopedProgressHandler &operator=(const ScopedProgressHandler &) = delete;

private:
    sqlite3 *m_handle;
};

} // namespace

SearchRunner::SearchRunner(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    qRegisterMetaType<kalito::SearchHit>();
    qRegisterMetaType<QList<kalito::SearchHit>>();
    qRegisterMetaType<kalito::DbError>();
}

SearchRunner::~SearchRunner()
{
    if (m_shared)
        m_shared->cancelled = true;
}

void SearchRunner::start(const QString &text)
{
    if (m_running)
        cancel();
    const quint64 generation = ++m_generation;
    m_shared = std::make_shared<Shared>();
    m_text = text;
    m_plan = MessageSearch::Plan();
    m_found = 0;
    m_chunks = 0;
    m_limitReached = false;
    m_running = true;
    emit started(text);
    if (text.isEmpty()) {
        emit progress(1.0);
        finish(false, DbError());
        return;
    }
    qCDebug(lcSql) << "search started";
    whenFinished(this,
                 m_connection->run([text](Database &db) { return MessageSearch::plan(db, text); },
                                   Connection::Priority::Background),
                 [this, generation](const MessageSearch::Plan &plan) { onPlan(generation, plan); });
}

void SearchRunner::cancel()
{
    if (!m_running)
        return;
    m_shared->cancelled = true;
    // Without the native handle there is no progress handler: interrupt the connection, but
    // only while our chunk is the statement running.
    if (m_shared->inChunk && !m_connection->openResult().nativeAvailable)
        m_connection->interrupt();
    ++m_generation; // results still on their way are dropped
    finish(true, DbError());
}

void SearchRunner::onPlan(quint64 generation, const MessageSearch::Plan &plan)
{
    if (generation != m_generation)
        return;
    if (plan.error.isError()) {
        finish(false, plan.error);
        return;
    }
    m_plan = plan;
    if (plan.isEmpty()) {
        emit progress(1.0);
        finish(false, DbError());
        return;
    }
    m_next = plan.firstRowid;
    m_chunkRows = qMax<qint64>(1, m_initialChunkRows);
    runNextChunk();
}

void SearchRunner::runNextChunk()
{
    const quint64 generation = m_generation;
    const qint64 from = m_next;
    const qint64 to = qMin(m_plan.lastRowid, from + m_chunkRows - 1);
    const int maxHits = qMax(1, qMin(m_maxHitsPerChunk, m_maxResults - m_found));
    ++m_chunks;
    whenFinished(this,
                 m_connection->run(
                     [shared = m_shared, plan = m_plan, from, to, maxHits](Database &db) {
                         if (shared->cancelled) {
                             MessageSearch::Chunk skipped;
                             skipped.ran = true;
                             return skipped;
                         }
                         shared->inChunk = true;
                         ScopedProgressHandler guard(db.handle(), &shared->cancelled);
                         MessageSearch::Chunk c = MessageSearch::chunk(db, plan, from, to, maxHits);
                         shared->inChunk = false;
                         return c;
                     },
                     Connection::Priority::Background),
                 [this, generation](const MessageSearch::Chunk &c) { onChunk(generation, c); });
}

void SearchRunner::onChunk(quint64 generation, const MessageSearch::Chunk &chunk)
{
    if (generation != m_generation)
        return;
    if (!chunk.ran) {
        finish(false, DbError::make(DbError::Kind::Io, QString(),
                                    QStringLiteral("the connection closed during the search")));
        return;
    }
    if (chunk.error.isError()) {
        finish(false, chunk.error);
        return;
    }
    if (!chunk.hits.isEmpty()) {
        m_found += int(chunk.hits.size());
        emit resultsFound(chunk.hits);
    }
    const bool partial = chunk.nextRowid <= qMin(m_plan.lastRowid, m_next + m_chunkRows - 1);
    m_next = chunk.nextRowid;
    if (!m_fixedChunk && !partial) {
        const qint64 ms = chunk.elapsedUs / 1000;
        if (ms * 2 < m_targetChunkMs)
            m_chunkRows = qMin<qint64>(m_chunkRows * 2, qint64(1) << 24);
        else if (ms > m_targetChunkMs * 2)
            m_chunkRows = qMax<qint64>(m_chunkRows / 2, 256);
    }
    const double span = double(m_plan.lastRowid - m_plan.firstRowid + 1);
    emit progress(qBound(0.0, double(m_next - m_plan.firstRowid) / span, 1.0));
    if (m_found >= m_maxResults && m_next <= m_plan.lastRowid) {
        m_limitReached = true;
        finish(false, DbError());
        return;
    }
    if (m_next > m_plan.lastRowid) {
        finish(false, DbError());
        return;
    }
    runNextChunk();
}

void SearchRunner::finish(bool cancelled, const DbError &error)
{
    m_running = false;
    qCDebug(lcSql) << "search finished:" << m_found << "hit(s) in" << m_chunks << "chunk(s)"
                   << (cancelled ? "(cancelled)" : "") << error.message;
    emit finished(cancelled, error);
}

} // namespace kalito
