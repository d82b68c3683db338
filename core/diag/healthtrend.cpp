#include "healthtrend.h"

#include <algorithm>

namespace kalito {

void HealthTrend::add(Series *series, qint64 nowMs, qint64 value)
{
    m_now = qMax(m_now, nowMs);
    series->append({nowMs, value});
    // Keep one sample at or before the window's start: it is what the window is compared with.
    while (series->size() > 2 && series->at(1).first <= nowMs - m_windowMs)
        series->removeFirst();
}

void HealthTrend::addWalBytes(qint64 nowMs, qint64 bytes)
{
    add(&m_wal, nowMs, bytes);
}

void HealthTrend::addBacklog(qint64 nowMs, qint64 frames)
{
    add(&m_backlog, nowMs, frames);
}

void HealthTrend::observeReaders(qint64 nowMs, const QList<WalReader> &readers)
{
    m_now = qMax(m_now, nowMs);
    QHash<QPair<qint64, int>, qint64> seen;
    for (const WalReader &r : readers) {
        const QPair<qint64, int> key{r.pid, r.slot};
        seen.insert(key, m_firstSeen.value(key, nowMs));
    }
    m_firstSeen = seen;
}

void HealthTrend::clear()
{
    m_wal.clear();
    m_backlog.clear();
    m_firstSeen.clear();
    m_now = 0;
}

bool HealthTrend::growing(const Series &series, qint64 floor) const
{
    // The rule of docs/health-warnings.md, condition by condition.
    const qint64 windowStart = m_now - m_windowMs;
    const qint64 half = m_now - m_windowMs / 2;
    int anchor = -1, middle = -1;
    for (int i = 0; i < series.size(); ++i) {
        if (series.at(i).first <= windowStart)
            anchor = i;
        if (series.at(i).first <= half)
            middle = i;
    }
    if (anchor < 0 || series.isEmpty()) // (1) not watched for a whole window yet
        return false;
    const auto &latest = series.constLast();
    if (latest.first < half) // (2) nothing read lately: no verdict on stale figures
        return false;
    for (qsizetype i = anchor + 1; i < series.size(); ++i) {
        if (series.at(i).second < series.at(i - 1).second) // (3) it fell: checkpoints work
            return false;
    }
    // (4) rose in the first half and in the second half of the window: still growing.
    if (series.at(middle).second <= series.at(anchor).second || latest.second <= series.at(middle).second)
        return false;
    return latest.second > floor; // (5) beyond what wal_autocheckpoint leaves
}

bool HealthTrend::walGrowing() const
{
    return growing(m_wal, walFloorBytes());
}

bool HealthTrend::backlogGrowing() const
{
    return growing(m_backlog, m_autoFrames);
}

QList<QPair<WalReader, qint64>> HealthTrend::readersByAge() const
{
    QList<QPair<WalReader, qint64>> list;
    for (auto it = m_firstSeen.cbegin(); it != m_firstSeen.cend(); ++it)
        list.append({WalReader{it.key().first, it.key().second}, m_now - it.value()});
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        if (a.second != b.second)
            return a.second > b.second;
        return a.first.pid != b.first.pid ? a.first.pid < b.first.pid : a.first.slot < b.first.slot;
    });
    return list;
}

qint64 HealthTrend::longestPinMs() const
{
    const auto readers = readersByAge();
    return readers.isEmpty() ? 0 : readers.constFirst().second;
}

} // namespace kalito
