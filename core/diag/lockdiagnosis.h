#pragma once

#include <QStringList>

namespace kalito {

struct LockReport;
class LockHistory;

// Turns a lock report into sentences a maintainer can act on: who writes, who pins the WAL with
// an old snapshot, whether the -shm is stale, and what the inspector could not see.
class LockDiagnosis
{
public:
    static QStringList sentences(const LockReport &report, const LockHistory *history = nullptr);
};

} // namespace kalito
