#pragma once

#include "checkpointresult.h"

#include <QCoreApplication>

namespace kalito {

// What a checkpoint did, in words: `kalito-inspector checkpoint` and the health strip's tooltip
// (English on the command line: it installs no catalogue).
class CheckpointText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointText)
public:
    // One "key   value" line each, then why nothing ran when the database is not in WAL mode.
    static QString result(const CheckpointResult &result);
    // Who a busy or partial checkpoint waited for, in one sentence (the Checkpoint tab's note, the
    // health strip's tooltip); empty when it was neither.
    static QString blockedBy(const CheckpointResult &result);
    // One holder it waited for: who, what it holds, since when.
    static QString blocker(const LockFinding &holder);
    // The question before FULL, RESTART and TRUNCATE: who would be waited for now, and how long.
    // known false: no lock snapshot has been taken yet.
    static QString wouldWait(const QList<LockFinding> &blockers, CheckpointMode mode, int waitMs,
                             bool known = true);
    static QString duration(qint64 ms); // "5 s", "200 ms"
};

} // namespace kalito
