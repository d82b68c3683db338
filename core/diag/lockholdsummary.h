#pragma once

#include "locktransition.h"

#include <QJsonArray>
#include <QList>

namespace kalito {

// The longest holds per process and lock over a watch: what `locks --watch` prints when it ends.
class LockHoldSummary
{
public:
    struct Entry : LockHold
    {
        int holds = 0;
        qint64 longestMs = 0;
        qint64 totalMs = 0;
        bool stillHeld = false;  // held when watching ended: the longest is "at least"
        bool sinceStart = false; // already held when watching began: likewise "at least"
    };

    void add(const LockTransition &released);
    // A hold still open when watching ends, counted with its duration so far.
    void addOpen(const LockTransition &acquired, qint64 nowMs);
    // Longest hold first.
    QList<Entry> entries() const;
    QJsonArray toJson() const;
    QString toText(int samples, qint64 watchedMs) const; // LockReportText::holdSummary

private:
    Entry &entryFor(const LockTransition &t);
    QList<Entry> m_entries;
};

} // namespace kalito
