#include "searchindexbuilder.h"

#include "connection.h"
#include "searchindexfile.h"
#include "steppedwork.h"
#include "whenfinished.h"

namespace kalito {

SearchIndexBuilder::SearchIndexBuilder(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection), m_latest(connection)
{
    qRegisterMetaType<kalito::SearchIndexInfo>();
    qRegisterMetaType<kalito::SearchIndexEstimate>();
    qRegisterMetaType<kalito::DbError>();
}

SearchIndexBuilder::~SearchIndexBuilder()
{
    m_latest.drop();
    if (m_lock)
        m_lock->release();
}

void SearchIndexBuilder::inspect()
{
    whenFinished(this,
                 m_connection->run([](Database &db) { return SearchIndexFile::inspect(db); },
                                   Connection::Priority::Background),
                 [this](const SearchIndexInfo &info) { emit inspected(info); });
}

void SearchIndexBuilder::estimate()
{
    whenFinished(this,
                 m_connection->run([](Database &db) { return SearchIndexBuild::estimate(db); },
                                   Connection::Priority::Background),
                 [this](const SearchIndexEstimate &e) { emit estimated(e); });
}

void SearchIndexBuilder::build(bool fresh)
{
    run(fresh);
}

void SearchIndexBuilder::update()
{
    if (!m_running)
        run(false);
}

void SearchIndexBuilder::run(bool fresh)
{
    cancel();
    const LatestReply::Ticket ticket = m_latest.next();
    m_running = true;
    m_steps = 0;
    m_longestStepMs = 0;
    SearchIndexBuild::State state;
    state.fresh = fresh;
    state.cancel = ticket.token();
    m_lock = std::make_shared<SearchIndexLock>();
    state.lock = m_lock;
    runInSteps(
        m_connection, this, state,
        [](Database &db, SearchIndexBuild::State &s) { SearchIndexBuild::step(db, s); },
        [this](const SearchIndexBuild::State &s) {
            m_running = false;
            m_steps = s.steps;
            m_longestStepMs = s.longestStepMs;
            emit progress(1.0);
            emit finished(s.info, false,
                          s.databaseChanged ? DbError::make(DbError::Kind::ConnectionClosed,
                                                            DbError::Reason::ConnectionClosed, QString())
                                            : s.error);
        },
        ticket.wanted(),
        [this](const SearchIndexBuild::State &s) {
            m_steps = s.steps;
            m_longestStepMs = s.longestStepMs;
            emit progress(s.fraction());
        });
}

void SearchIndexBuilder::cancel()
{
    if (!m_running)
        return;
    m_latest.drop();
    m_running = false;
    // The steps still queued do nothing; the one running (if any) finishes its transaction before
    // the next request of this connection (a new build) can start.
    if (m_lock)
        m_lock->release();
    // What the index is now (the steps done are kept), then finished(cancelled).
    whenFinished(this,
                 m_connection->run([](Database &db) { return SearchIndexFile::inspect(db); },
                                   Connection::Priority::Background),
                 [this](const SearchIndexInfo &info) { emit finished(info, true, DbError()); });
}

} // namespace kalito
