#pragma once

#include "walreaders.h"

#include <QHash>
#include <QList>
#include <QPair>

namespace kalito {

// What the health strip warns about, from samples taken about once a second: the -wal file or
// the backlog (frames not yet copied into the database) that keeps growing, i.e. checkpoints are
// not keeping up, and a reader that pins the WAL for more than a minute. Numbers only, so that
// tests can feed it recorded series; the samples come from stat(), /proc/locks and the child probe.
//
// The rule is written out in docs/health-warnings.md; in short, a series "keeps growing" at time
// now when (1) it has been watched for a whole window W (30 s), (2) its latest sample is fresh
// (within W/2), (3) it never fell within the window (a fall is a checkpoint copying, the WAL
// being reset, or a TRUNCATE), (4) it rose in each half of the window (one burst is not "keeps"),
// and (5) it is beyond what wal_autocheckpoint leaves: a backlog over A frames (A = the
// autocheckpoint level, 1000 by default), a -wal over 2·A frames (A, plus the commit that crossed A).
// The warning clears as soon as one of them no longer holds.
class HealthTrend
{
public:
    void setGrowthWindowMs(qint64 ms) { m_windowMs = ms; }
    void setPinLimitMs(qint64 ms) { m_pinLimitMs = ms; }
    void setAutoCheckpointFrames(qint64 frames) { m_autoFrames = frames; }
    void setPageSize(int bytes) { m_pageSize = bytes > 0 ? bytes : 4096; }
    qint64 pinLimitMs() const { return m_pinLimitMs; }

    qint64 growthWindowMs() const { return m_windowMs; }
    // The time the verdicts are for (samples stop coming when nothing is read: they go stale).
    void advance(qint64 nowMs) { m_now = qMax(m_now, nowMs); }
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
    qint64 walFloorBytes() const { return 32 + 2 * m_autoFrames * (m_pageSize + 24); }

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
