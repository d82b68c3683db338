#include "searchrunner.h"
#include "whenfinished.h"

#include "connection.h"
#include "logging.h"

namespace kalito {

namespace {

// Chunks queued at a time: one running, one waiting, so the connection never waits for this thread.
constexpr int kChunksInFlight = 2;

} // namespace

SearchRunner::SearchRunner(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection), m_latest(connection)
{
    qRegisterMetaType<kalito::SearchHit>();
    qRegisterMetaType<QList<kalito::SearchHit>>();
    qRegisterMetaType<kalito::DbError>();
}

SearchRunner::~SearchRunner() = default; // m_latest cancels the running search

void SearchRunner::start(const QString &text)
{
    if (m_running)
        cancel();
    const LatestReply::Ticket ticket = m_ticket = m_latest.next();
    m_text = text;
    m_plan = MessageSearch::Plan();
    m_index = IndexedSearch::Plan();
    m_indexUse = IndexedSearch::Use::Scan;
    m_found = 0;
    m_chunks = 0;
    m_inFlight = 0;
    m_lastPartial = false;
    ++m_round;
    m_roundToken = ticket.token().child();
    m_limitReached = false;
    m_running = true;
    emit started(text);
    if (text.isEmpty()) {
        emit progress(1.0);
        finish(false, DbError());
        return;
    }
    qCDebug(lcSql) << "search started";
    using Plans = QPair<MessageSearch::Plan, IndexedSearch::Plan>;
    whenFinished(this,
                 m_connection->run(
                     [text, useIndex = m_indexEnabled](Database &db) {
                         Plans p{MessageSearch::plan(db, text), IndexedSearch::Plan()};
                         if (useIndex && !p.first.error.isError())
                             p.second = IndexedSearch::plan(db, text);
                         return p;
                     },
                     Connection::Priority::Background, ticket.token()),
                 [this, ticket](const Plans &p) { onPlan(ticket, p.first, p.second); });
}

void SearchRunner::cancel()
{
    if (!m_running)
        return;
    // Stops the running chunk (its token's progress handler) and skips the queued ones; results
    // still on their way are dropped (finish() drops the ticket).
    finish(true, DbError());
}

bool SearchRunner::takes(const LatestReply::Ticket &ticket, quint64 round)
{
    if (!ticket.isLatest() || round != m_round || !m_running)
        return false;
    if (!ticket.sameDatabase()) {
        // Another database was opened under the search: what it found belongs to the old one.
        qCDebug(lcSql) << "search stopped: the database changed";
        finish(true, DbError());
        return false;
    }
    return true;
}

void SearchRunner::onPlan(const LatestReply::Ticket &ticket, const MessageSearch::Plan &plan,
                          const IndexedSearch::Plan &index)
{
    if (!takes(ticket, m_round))
        return;
    m_index = index;
    m_indexUse = index.use;
    m_indexEnd = index.use == IndexedSearch::Use::Index ? qMin(index.indexedThrough, plan.lastRowid)
                                                        : plan.firstRowid - 1;
    emit planned(m_indexUse);
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
    m_next = m_searched = plan.firstRowid;
    m_chunkRows = qMax<qint64>(1, m_initialChunkRows);
    runNextChunk();
}

void SearchRunner::runNextChunk()
{
    // After a chunk that stopped at its hit limit the next one likely does too (a frequent word),
    // and a chunk queued behind it would be dropped: one at a time until a chunk runs to its end.
    // Through the index one batch of candidates at a time (each request is short already).
    const bool indexed = m_next <= m_indexEnd;
    const int ahead = m_lastPartial || indexed ? 1 : kChunksInFlight;
    while (m_inFlight < ahead && m_next <= m_plan.lastRowid) {
        const quint64 round = m_round;
        const qint64 from = m_next;
        const bool throughIndex = from <= m_indexEnd;
        const qint64 to = throughIndex ? m_indexEnd : qMin(m_plan.lastRowid, from + m_chunkRows - 1);
        // Hits of a chunk still in flight are not counted yet: onChunk() cuts what goes past the limit.
        const int maxHits = qMax(1, qMin(m_maxHitsPerChunk, m_maxResults - m_found));
        m_next = to + 1;
        ++m_inFlight;
        ++m_chunks;
        whenFinished(this,
                     m_connection->run(
                         [token = m_roundToken, ticket = m_ticket, plan = m_plan, index = m_index,
                          throughIndex, from, to, maxHits](Database &db) {
                             // Stopped, or on another database than the plan's rowids: not run.
                             if (token.isCancelled() || !ticket.sameDatabase()) {
                                 MessageSearch::Chunk skipped;
                                 skipped.ran = true;
                                 return skipped;
                             }
                             if (throughIndex)
                                 return IndexedSearch::chunk(db, plan, index, from, to, maxHits);
                             return MessageSearch::chunk(db, plan, from, to, maxHits);
                         },
                         Connection::Priority::Background, m_roundToken),
                     [this, ticket = m_ticket, round, to, throughIndex](const MessageSearch::Chunk &c) {
                         onChunk(ticket, round, to, throughIndex, c);
                     });
    }
}

void SearchRunner::onChunk(const LatestReply::Ticket &ticket, quint64 round, qint64 to, bool indexed,
                           const MessageSearch::Chunk &chunk)
{
    if (!takes(ticket, round))
        return;
    --m_inFlight;
    if (!chunk.ran) {
        finish(false,
               DbError::make(DbError::Kind::ConnectionClosed, DbError::Reason::ConnectionClosed, QString()));
        return;
    }
    if (chunk.indexFailed) {
        // Never trusted again in this search: the rows it had not answered yet are scanned.
        qCWarning(lcSql).noquote() << "search index failed, scanning instead:" << chunk.indexError.toString();
        m_indexUse = IndexedSearch::Use::IndexFailed;
        m_indexEnd = chunk.nextRowid - 1;
        m_next = chunk.nextRowid;
        emit planned(m_indexUse);
        runNextChunk();
        return;
    }
    if (chunk.error.isError()) {
        finish(false, chunk.error);
        return;
    }
    // A chunk asked for before the previous one's hits were counted may go past the limit: the
    // hits are in rowid order, so the first ones are those a search one chunk at a time finds.
    QList<SearchHit> hits = chunk.hits;
    const bool cut = m_found + hits.size() > m_maxResults;
    if (cut)
        hits.resize(qMax(0, m_maxResults - m_found));
    if (!hits.isEmpty()) {
        m_found += int(hits.size());
        emit resultsFound(hits);
    }
    const bool partial = chunk.nextRowid <= to;
    m_lastPartial = partial;
    // Cut at the limit: the messages searched are those up to the last hit kept, not the chunk's
    // whole range (the hits dropped were found, not shown; the progress must not say more).
    m_searched = cut && !hits.isEmpty() ? hits.last().rowid + 1 : cut ? m_searched : chunk.nextRowid;
    if (partial && !cut) {
        // Stopped at its hit limit: the rest of its range comes next, and the chunk already
        // queued behind it (a later range) is dropped.
        m_roundToken.cancel();
        m_roundToken = m_ticket.token().child();
        ++m_round;
        m_inFlight = 0;
        m_next = chunk.nextRowid;
    }
    if (!m_fixedChunk && !partial && !indexed) {
        const qint64 ms = chunk.elapsedUs / 1000;
        if (ms * 2 < m_targetChunkMs)
            m_chunkRows = qMin<qint64>(m_chunkRows * 2, qint64(1) << 24);
        else if (ms > m_targetChunkMs * 2)
            m_chunkRows = qMax<qint64>(m_chunkRows / 2, 256);
    }
    const double span = double(m_plan.lastRowid - m_plan.firstRowid + 1);
    emit progress(qBound(0.0, double(m_searched - m_plan.firstRowid) / span, 1.0));
    if (cut || (m_found >= m_maxResults && m_searched <= m_plan.lastRowid)) {
        m_limitReached = true;
        finish(false, DbError());
        return;
    }
    if (m_searched > m_plan.lastRowid) {
        finish(false, DbError());
        return;
    }
    runNextChunk();
}

void SearchRunner::finish(bool cancelled, const DbError &error)
{
    m_running = false;
    m_latest.drop(); // a chunk still queued skips its statement; replies on their way are dropped
    qCDebug(lcSql) << "search finished:" << m_found << "hit(s) in" << m_chunks << "chunk(s)"
                   << (cancelled ? "(cancelled)" : "") << error.toString();
    emit finished(cancelled, error);
}

} // namespace kalito
