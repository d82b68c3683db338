#pragma once

#include "recordingfault.h"

#include "locktransition.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kalito {

// Lock holds over time, built from the transitions of `locks --watch --jsonl` (live from a child
// process, or loaded from a recording) and written back in the same JSON lines format.
class LockRecording
{
public:
    struct Span : LockHold
    {
        qint64 startMs = 0;
        qint64 endMs = -1;       // -1 while still held
        bool sinceStart = false; // already held when the recording began (started earlier)
        bool walKnown = false;   // WAL frames at the start and at the end
        quint32 mxStart = 0, backfillStart = 0, mxEnd = 0, backfillEnd = 0;
        bool endWalKnown = false;

        bool isOpen() const { return endMs < 0; }
        bool operator==(const Span &o) const;
    };

    void clear();
    // One line of the format; lines of other events (watch, stop) are accepted and skipped.
    // Returns false and says why for a line that is not JSON or not a valid event.
    bool addLine(const QByteArray &line, RecordingFault *why);
    void apply(const LockTransition &t);
    // Parses a whole recording; on any bad line returns false with "line N: reason".
    static bool parse(const QByteArray &jsonLines, LockRecording *out, RecordingFault *why);
    QByteArray toJsonLines() const;

    // Forgets holds that ended before cutoffMs (the window keeps the last minutes).
    void dropEndedBefore(qint64 cutoffMs);
    const QList<Span> &spans() const { return m_spans; }
    QList<qint64> pids() const; // in the order they first appeared
    qint64 firstMs() const;
    qint64 lastMs() const { return m_lastMs; }
    bool isEmpty() const { return m_spans.isEmpty(); }

private:
    QList<Span> m_spans;
    qint64 m_lastMs = 0;
};

} // namespace kalito
