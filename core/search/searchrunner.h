#pragma once

#include "canceltoken.h"
#include "dberror.h"
#include "indexedsearch.h"
#include "latestreply.h"
#include "messagesearch.h"
#include "searchhit.h"

#include <QObject>

namespace kalito {

class Connection;

// Drives a MessageSearch through the Connection, one rowid range per request: no statement or
// read transaction survives between chunks (another process's checkpoint is never starved), and
// other requests (a page of the transcript...) run in between: chunks are Background requests, so
// whatever the person asks for goes first. The chunk width adapts so that a
// chunk takes about targetChunkMs. Two chunks are queued at a time, so the connection thread
// starts the next one while this thread takes in the last one's hits (each round trip through
// this thread's event loop otherwise left the connection idle, ~4 ms per chunk on a busy machine). Hits
// arrive in batches (resultsFound), progress is the fraction of the rowid range done, and cancel() stops
// within one chunk: the chunks run under the search's CancelToken, which stops the running statement and
// never another request. Messages inserted after the search started (beyond the rowid range read at the
// start) are not searched.
// With a usable search index (IndexedSearch::plan), the rows it reaches are searched through it (its
// candidates checked against the live rows, one request per batch of candidates) and only the newer
// rows are scanned; a text it cannot answer (one or two characters...) is scanned, and indexUse() says
// which way the search went. An index that fails during the search is dropped for the rest of it.
class SearchRunner : public QObject
{
    Q_OBJECT
public:
    explicit SearchRunner(Connection *connection, QObject *parent = nullptr);
    ~SearchRunner() override;

    // Starts a new search (cancelling a running one). An empty text finishes at once.
    void start(const QString &text);
    void cancel();
    bool isRunning() const { return m_running; }
    QString text() const { return m_text; }

    // At most this many hits per search (memory stays bounded); limitReached() tells it stopped there.
    void setMaxResults(int n) { m_maxResults = n; }
    int maxResults() const { return m_maxResults; }
    bool limitReached() const { return m_limitReached; }
    int resultCount() const { return m_found; }

    // Tuning (and tests): the first chunk's width in rowids, a fixed width (no adapting) and the
    // most hits delivered by one chunk.
    void setInitialChunkRows(qint64 rows) { m_initialChunkRows = rows; }
    void setFixedChunkRows(bool fixed) { m_fixedChunk = fixed; }
    void setTargetChunkMs(int ms) { m_targetChunkMs = ms; }
    void setMaxHitsPerChunk(int n) { m_maxHitsPerChunk = n; }
    int chunksRun() const { return m_chunks; }
    // How the current (or last) search used the search index, known once it is planned.
    IndexedSearch::Use indexUse() const { return m_indexUse; }
    const SearchIndexInfo &indexInfo() const { return m_index.info; }
    // Off: never the index (tests compare the two ways).
    void setIndexEnabled(bool enabled) { m_indexEnabled = enabled; }

signals:
    void started(const QString &text);
    void resultsFound(const QList<kalito::SearchHit> &hits);
    void progress(double fraction);
    // The search is planned: indexUse() says whether it runs through the index.
    void planned(kalito::IndexedSearch::Use use);
    void finished(bool cancelled, const kalito::DbError &error);

private:
    void onPlan(const LatestReply::Ticket &ticket, const MessageSearch::Plan &plan,
                const IndexedSearch::Plan &index);
    void runNextChunk();
    void onChunk(const LatestReply::Ticket &ticket, quint64 round, qint64 to, bool indexed,
                 const MessageSearch::Chunk &chunk);
    // Whether a reply of this search counts: false for a reply of an older search (dropped); a
    // reply from the database before an open (or a close) stops the search, reported as cancelled.
    bool takes(const LatestReply::Ticket &ticket, quint64 round);
    void finish(bool cancelled, const DbError &error);

    Connection *m_connection;
    LatestReply m_latest;
    LatestReply::Ticket m_ticket; // the current search's: its requests run under its token
    bool m_running = false;
    QString m_text;
    MessageSearch::Plan m_plan;
    IndexedSearch::Plan m_index;
    IndexedSearch::Use m_indexUse = IndexedSearch::Use::Scan;
    bool m_indexEnabled = true;
    qint64 m_indexEnd = 0;      // rows up to here go through the index (below firstRowid: none)
    qint64 m_next = 0;          // the first rowid no chunk was asked for yet
    qint64 m_searched = 0;      // the first rowid no chunk has searched yet (chunks answer in order)
    int m_inFlight = 0;         // chunks asked for in this round and not answered yet
    bool m_lastPartial = false; // the last chunk stopped at its hit limit
    quint64 m_round = 0;        // bumped when a chunk stopped early: the chunks queued after it are dropped
    CancelToken m_roundToken;   // a child of m_ticket's token, cancelled when its round's chunks are dropped
    qint64 m_chunkRows = 0;
    qint64 m_initialChunkRows = 50000;
    bool m_fixedChunk = false;
    // A chunk is background work: a page the person asks for waits for at most one chunk, so
    // chunks are kept short (chunking cost ~15% at 80k rows per chunk, measured before).
    int m_targetChunkMs = 20;
    int m_maxHitsPerChunk = 500;
    int m_maxResults = 10000;
    int m_found = 0;
    int m_chunks = 0;
    bool m_limitReached = false;
};

} // namespace kalito
