#pragma once

#include "checkpointresult.h"
#include "lockhistory.h"

namespace kalito {

// Who a checkpoint waits for, from the same lock report and wait-for graph as `locks`: the
// holders whose edges include "checkpoint-<mode>". Used twice: before FULL, RESTART or TRUNCATE
// (the window's question says who would be waited for now) and after a checkpoint that came back
// busy or partial (its result names who it gave up on). No descriptor on the database or its -shm
// is opened here: the locks come from /proc/locks, the read marks from the child probe.
class CheckpointBlockers
{
public:
    static QString operation(CheckpointMode mode); // "checkpoint-full", ...
    // The holders (LockHolders::of) keeping a checkpoint of this mode waiting, selfPid excepted.
    static QList<LockFinding> of(const QList<LockFinding> &holders, CheckpointMode mode, qint64 selfPid);

    // Just before a checkpoint: the locks /proc/locks shows now (no child process), so that a
    // holder seen again afterwards is known to have held its lock for the whole wait.
    static LockHistory before(const QString &databasePath);
    // Right after a busy or partial checkpoint: one lock report (probe child and /proc/locks)
    // and the holders that keep this mode from finishing, with held_for_ms from `before`.
    static QList<LockFinding> after(const QString &databasePath, CheckpointMode mode, LockHistory *history,
                                    qint64 selfPid);
};

} // namespace kalito
