#pragma once

#include "lockfinding.h"

#include <QStringList>

namespace kalito {

struct LockReport;
class LockHistory;

// Turns a lock report into findings a maintainer can act on: who writes, who pins the WAL with
// an old snapshot, whether the -shm is stale, and what the inspector could not see. sentences()
// says them in words (LockText): English on the command line, the person's language in the window.
class LockDiagnosis
{
public:
    static QList<LockFinding> findings(const LockReport &report, const LockHistory *history = nullptr);
    static QStringList sentences(const LockReport &report, const LockHistory *history = nullptr);
};

} // namespace kalito
