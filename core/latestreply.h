#pragma once

#include "canceltoken.h"
#include "connection.h"
#include "databasemark.h"
#include "whenfinished.h"

#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>

namespace kalito {

// "Only the latest reply counts", written once. A model or pane that asks the connection for
// something again before the last answer came (another session clicked, a new filter, a new
// search) owns one LatestReply and takes a ticket for each request (or for each chain of requests
// that make up one answer): next() cancels the previous ticket's CancelToken, so its running
// statement stops and its queued steps do nothing, and makes every older ticket stale. A reply is
// current while its ticket is the latest and the connection still has the database the ticket was
// taken under (no open or close since: a DatabaseMark, the check runInSteps makes too).
//
//   const LatestReply::Ticket ticket = m_latest.next();
//   whenCurrent(this, m_connection->run(work, priority, ticket.token()), ticket, fn);  // one request
//   state.cancel = ticket.token();                                                      // stepped work
//   runInSteps(m_connection, this, state, step, done, ticket.wanted());
//
// runInSteps checks the database itself (in each step, on the connection thread) and hands done()
// a state with databaseChanged, so ticket.wanted() asks only whether the ticket is still the latest.
// A ticket is cheap to copy and may be read on any thread (chained work checks sameDatabase() on
// the connection thread before each step).
class LatestReply
{
public:
    class Ticket
    {
    public:
        Ticket() = default; // never current

        // No newer ticket was taken and drop() was not called since this one.
        bool isLatest() const { return m_latest && m_latest->load() == m_number; }
        // The connection has the database this ticket was taken under (always, without a connection).
        bool sameDatabase() const { return m_database.sameDatabase(); }
        // Its reply counts: the latest ticket, on the same database.
        bool isCurrent() const { return isLatest() && sameDatabase(); }
        // For runInSteps' wanted (see above).
        std::function<bool()> wanted() const
        {
            return [ticket = *this] { return ticket.isLatest(); };
        }
        // The request runs under it: cancelled when a newer ticket is taken or drop() is called.
        const CancelToken &token() const { return m_token; }

    private:
        friend class LatestReply;
        std::shared_ptr<const std::atomic<quint64>> m_latest;
        quint64 m_number = 0;
        DatabaseMark m_database;
        CancelToken m_token;
    };

    // Without a connection, only the latest ticket counts (no database to follow).
    explicit LatestReply(const Connection *connection = nullptr) : m_connection(connection) {}
    ~LatestReply() { m_token.cancel(); }
    LatestReply(const LatestReply &) = delete;
    LatestReply &operator=(const LatestReply &) = delete;

    // Starts a new request: the previous one is cancelled and its replies are stale.
    Ticket next()
    {
        m_token.cancel();
        m_token = CancelToken();
        Ticket t;
        t.m_latest = m_latest;
        t.m_number = ++*m_latest;
        t.m_database = DatabaseMark(m_connection);
        t.m_token = m_token;
        return t;
    }
    // Nothing asked for is wanted any more (a cancel, a clear): the last request is cancelled and
    // no ticket is current until next().
    void drop()
    {
        m_token.cancel();
        ++*m_latest;
    }

private:
    QPointer<const Connection> m_connection;
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    CancelToken m_token; // the latest ticket's
};

// whenFinished for a request asked for under a ticket: fn(result) runs on context's thread only
// if the ticket is still current when the reply arrives (else the reply is dropped unseen).
template<typename T, typename Fn>
void whenCurrent(QObject *context, const QFuture<T> &future, const LatestReply::Ticket &ticket, Fn fn)
{
    whenFinished(context, future, [ticket, fn = std::move(fn)](const T &value) mutable {
        if (ticket.isCurrent())
            fn(value);
    });
}

} // namespace kalito
