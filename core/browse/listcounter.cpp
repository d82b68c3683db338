#include "browse/listcounter.h"

#include "connection.h"
#include "steppedwork.h"

namespace kalito {

ListCounter::ListCounter(Connection *connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    m_dueTimer.setSingleShot(true);
    m_dueTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire before the recount is due
    connect(&m_dueTimer, &QTimer::timeout, this, &ListCounter::due);
}

void ListCounter::reset()
{
    m_recounting = false;
    m_again = false;
    m_dueTimer.stop();
    m_lastCountUs = 0;
    m_sinceCount.invalidate();
}

void ListCounter::setThrottle(qint64 cheapCountMs, qint64 dutyFactor)
{
    m_cheapCountMs = cheapCountMs;
    m_dutyFactor = dutyFactor;
}

void ListCounter::count(const KeysetSpec &spec, const LatestReply::Ticket &query)
{
    run(spec, query, false);
}

bool ListCounter::mayRecount()
{
    // A count that takes long (a filter scanning a million rows) holds a read snapshot all that
    // time, and while it does no checkpoint can reset the backend's -wal: recount at most a tenth
    // of the time. The rest wait, coalesced, until then.
    if (m_lastCountUs < m_cheapCountMs * 1000 || !m_sinceCount.isValid())
        return true;
    const qint64 wait = (m_lastCountUs * m_dutyFactor + 999) / 1000 - m_sinceCount.elapsed();
    if (wait <= 0)
        return true;
    if (!m_dueTimer.isActive())
        m_dueTimer.start(int(qMin<qint64>(wait, 60000)));
    return false;
}

void ListCounter::recount(const KeysetSpec &spec, const LatestReply::Ticket &query)
{
    if (m_recounting) {
        m_again = true; // one count at a time: the next one starts when this one is back
        return;
    }
    m_recounting = true;
    run(spec, query, true);
}

void ListCounter::run(const KeysetSpec &spec, const LatestReply::Ticket &query, bool recount)
{
    emit requestStarted();
    // The one rule for counting a list (SteppedCount::start): one table in index or rowid ranges of
    // about 20 ms each, in the background, so the pages the view asks for meanwhile never wait
    // behind the whole count; a join or a view in one count(*).
    SteppedCount::State start = SteppedCount::start(spec);
    start.cancel = query.token();
    runInSteps(
        m_connection, this, start, &SteppedCount::step,
        [this, query, recount](const SteppedCount::State &s) {
            emit requestEnded();
            if (s.databaseChanged || !query.isCurrent())
                return;
            m_lastCountUs = s.workUs; // the statements alone, not the waits in the queue
            m_sinceCount.start();
            Reply reply;
            reply.error = s.error;
            reply.count = s.error.isError() ? -1 : s.count;
            reply.recount = recount;
            reply.again = recount && !s.error.isError() && m_again;
            if (recount || s.error.isError()) {
                m_recounting = false;
                m_again = false;
            }
            emit counted(reply);
        },
        [this, query] {
            if (query.isLatest())
                return true;
            emit requestEnded(); // abandoned: the busy indicator no longer waits for it
            return false;
        },
        [this](const SteppedCount::State &s) { emit progress(s); });
}

} // namespace kalito
