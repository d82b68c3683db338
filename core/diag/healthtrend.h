#pragma once

#include "walreaders.h"

#include <QHash>
#include <QList>
#include <QPair>

namespace kalito {

// What the health strip warns about, from samples taken about once a second: the -wal file or
// the backlog (frames not yet copied into the database) that keeps growing, i.e. checkpoints are
// not keeping up, and a reader that pins the WAL for more than a minute. Numbers only, so that
// tests can feed it series; the samples come from stat(), /proc/locks and the child probe.
//
// "Keeps growing" = over the whole growth window the value never fell, rose at least three times,
// and is beyond what wal_autocheckpoint (1000 frames by default) would ever let pile up.
// Without that floor a WAL filling up to its usual size for the first time would look alarming.
class HealthTrend
{
public:
    void setGrowthWindowMs(qint64 ms) { m_windowMs = ms; }
    void setPinLimitMs(qint64 ms) { m_pinLimitMs = ms; }
    void setAutoCheckpointFrames(qint64 frames) { m_autoFrames = frames; }
    void setPageSize(int bytes) { m_pageSize = bytes > 0 ? bytes : 4096; }
    qint64 pinLimitMs() const { return m_pinLimitMs; }

    void addWalBytes(qint64 nowMs, qint64 bytes);
    void addBacklog(qint64 nowMs, qint64 frames);
    // The readers seen now; one that disappears and comes back starts again from zero.
    void observeReaders(qint64 nowMs, const QList<WalReader> &readers);
    void clear();

    bool walGrowing() const;
    bool backlogGrowing() const;
    // Readers seen now, longest-held first, with how long each has been seen holding its slot.
    QList<QPair<WalReader, qint64>> readersByAge() const;
    qint64 longestPinMs() const; // 0 without readers
    bool readerPinsTooLong() const { return longestPinMs() > m_pinLimitMs; }
    bool warning() const { return walGrowing() || backlogGrowing() || readerPinsTooLong(); }

private:
    using Series = QList<QPair<qint64, qint64>>; // time, value
    void add(Series *series, qint64 nowMs, qint64 value);
    bool growing(const Series &series, qint64 floor) const;
    qint64 walFloorBytes() const { return 32 + m_autoFrames * (m_pageSize + 24); }

    Series m_wal;
    Series m_backlog;
    QHash<QPair<qint64, int>, qint64> m_firstSeen; // (pid, slot) -> ms
    qint64 m_now = 0;
    qint64 m_windowMs = 30000;
    qint64 m_pinLimitMs = 60000;
    qint64 m_autoFrames = 1000;
    int m_pageSize = 4096;
};

} // namespace kalito
