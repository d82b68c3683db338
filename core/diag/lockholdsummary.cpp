#include "lockholdsummary.h"

#include "lockreporttext.h"

#include <QJsonObject>

#include <algorithm>

namespace kalito {

LockHoldSummary::Entry &LockHoldSummary::entryFor(const LockTransition &t)
{
    for (Entry &e : m_entries) {
        if (e.key() == t.key())
            return e;
    }
    Entry e;
    e.hold() = t.hold();
    m_entries.append(e);
    return m_entries.last();
}

void LockHoldSummary::add(const LockTransition &released)
{
    Entry &e = entryFor(released);
    ++e.holds;
    e.totalMs += released.heldMs;
    if (released.heldMs >= e.longestMs) {
        e.longestMs = released.heldMs;
        e.stillHeld = false;
        e.sinceStart = released.sinceStart;
    }
}

void LockHoldSummary::addOpen(const LockTransition &acquired, qint64 nowMs)
{
    LockTransition t = acquired;
    t.heldMs = qMax<qint64>(0, nowMs - acquired.timeMs);
    add(t);
    Entry &e = entryFor(acquired);
    if (e.longestMs == t.heldMs)
        e.stillHeld = true;
}

QList<LockHoldSummary::Entry> LockHoldSummary::entries() const
{
    QList<Entry> sorted = m_entries;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Entry &a, const Entry &b) { return a.longestMs > b.longestMs; });
    return sorted;
}

QJsonArray LockHoldSummary::toJson() const
{
    QJsonArray list;
    for (const Entry &e : entries()) {
        list.append(
            QJsonObject{{QStringLiteral("pid"), e.pid},
                        {QStringLiteral("cmdline"), e.cmdline},
                        {QStringLiteral("file"), e.file},
                        {QStringLiteral("lock"), e.lock},
                        {QStringLiteral("mode"), e.write ? QStringLiteral("write") : QStringLiteral("read")},
                        {QStringLiteral("holds"), e.holds},
                        {QStringLiteral("longest_ms"), e.longestMs},
                        {QStringLiteral("total_ms"), e.totalMs},
                        {QStringLiteral("still_held"), e.stillHeld},
                        {QStringLiteral("since_start"), e.sinceStart}});
    }
    return list;
}

QString LockHoldSummary::toText(int samples, qint64 watchedMs) const
{
    return LockReportText::holdSummary(*this, samples, watchedMs);
}

} // namespace kalito
