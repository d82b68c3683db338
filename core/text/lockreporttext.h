#pragma once

#include <QCoreApplication>

namespace kalito {

struct LockReport;
struct LockTransition;
class LockHoldSummary;

// What `locks` and `locks --watch` print, in words (English: the command line installs no
// catalogue). The window says the same facts through LockText and its own panels.
class LockReportText
{
    Q_DECLARE_TR_FUNCTIONS(LockReportText)
public:
    // `locks`: the journal mode, the processes with the files open, their locks, the diagnosis.
    static QString report(const LockReport &report);
    // One line of `locks --watch`: who took or let go of which lock, when, and the WAL's frames.
    static QString transition(const LockTransition &transition);
    // What `locks --watch` prints when it ends: the longest holds per process and lock.
    static QString holdSummary(const LockHoldSummary &summary, int samples, qint64 watchedMs);
};

} // namespace kalito
