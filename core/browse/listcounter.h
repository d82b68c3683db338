#pragma once

#include "browse/keysetspec.h"
#include "browse/steppedcount.h"
#include "dberror.h"
#include "latestreply.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace kalito {

class Connection;

// How a paged list's rows are counted, and when again: the count coordinator of PagedModel, on
// its own. Every count runs the one rule for counting a list (SteppedCount::start) in short steps on
// the connection, under the query's ticket (a newer query's ticket drops its reply). Two rules
// keep a guest from starving the backend's checkpoints, which no reader may hold up for long:
// - one count at a time: a recount asked for while one runs follows it (Reply::again), so a
//   writer committing without pause never queues a count per commit;
// - a slow count is throttled: when the last count took kCheapCountMs or more, recounts run at
//   most 1/kCountDutyFactor of the time; one asked for sooner is put off (mayRecount() says no)
//   and due() says when it may run, once however many were put off.
class ListCounter : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kCheapCountMs = 50;
    static constexpr qint64 kCountDutyFactor = 10;

    struct Reply
    {
        qint64 count = -1; // -1 with error set
        DbError error;
        bool recount = false; // asked for by recount(): the list was read before it as stale
        bool again = false;   // a recount was asked for while this one ran: run it now
    };

    explicit ListCounter(Connection *connection, QObject *parent = nullptr);

    // A new query: no count is awaited, no recount is due, the last count's time is forgotten. (The
    // reply of a count still on its way is dropped by its ticket, which the new query replaced.)
    void reset();
    // The first count of a new query; pages are not held back for it.
    void count(const KeysetSpec &spec, const LatestReply::Ticket &query);
    // Whether a recount may start now. When a slow count throttles it, no: due() follows when it
    // may (one timer, however often this is asked).
    bool mayRecount();
    // Counts again after a write: isRecounting() until the reply; asked for while a recount runs,
    // it follows that one instead (its Reply::again).
    void recount(const KeysetSpec &spec, const LatestReply::Ticket &query);
    bool isRecounting() const { return m_recounting; }
    // How long the statements of the last count ran (0 before the first).
    qint64 lastCountMs() const { return m_lastCountUs / 1000; }
    qint64 lastCountUs() const { return m_lastCountUs; }
    // For tests: the throttle's limits (the defaults above). With cheapCountMs 0 every count is
    // throttled, however fast: the next recount waits dutyFactor times its statements' time.
    void setThrottle(qint64 cheapCountMs, qint64 dutyFactor);

signals:
    void counted(const kalito::ListCounter::Reply &reply);
    // Each step but the last of a count (its estimate, before the exact count).
    void progress(const kalito::SteppedCount::State &state);
    // A count request started / ended (or was abandoned): for a busy indicator.
    void requestStarted();
    void requestEnded();
    // A recount put off by the throttle may run now.
    void due();

private:
    void run(const KeysetSpec &spec, const LatestReply::Ticket &query, bool recount);

    Connection *m_connection;
    bool m_recounting = false; // a recount is on its way
    bool m_again = false;      // and another was asked for meanwhile
    qint64 m_lastCountUs = 0;
    QElapsedTimer m_sinceCount; // since the last count came back
    QTimer m_dueTimer;
    qint64 m_cheapCountMs = kCheapCountMs;
    qint64 m_dutyFactor = kCountDutyFactor;
};

} // namespace kalito
