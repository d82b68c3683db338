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
    if (series.size() < 2 || series.constFirst().first > series.constLast().first - m_windowMs)
        return false; // not watched for a whole window yet
    int rises = 0;
    for (qsizetype i = 1; i < series.size(); ++i) {
        if (series.at(i).second < series.at(i - 1).second)
            return false;
        rises += series.at(i).second > series.at(i - 1).second ? 1 : 0;
    }
    // "Keeps" growing: several steps up, not one jump after a long calm.
    return rises >= 3 && series.constLast().second > floor;
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
