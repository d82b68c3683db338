#pragma once

#include "dberror.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kalito {

// A process named in a lock diagnosis, with what is known of it (LockReport::holder()).
struct LockHolder
{
    enum class Known {
        Full,          // command line and user
        Self,          // this inspector
        Ofd,           // an OFD lock: pid -1, no process to name
        NoProc,        // no /proc: command and user unknown
        Gone,          // it ended, or lives in another pid namespace
        NoCommandLine, // the user is known
        NoUser,        // the command is known
    };
    qint64 pid = 0;
    Known known = Known::Full;
    QString command;
    QString user;
};

// A reader a checkpoint waits for.
struct LockWaiter
{
    LockHolder who;
    int slot = 0;
    qint64 mark = -1; // the frame of its snapshot; -1 when it is not the point (read slot 0, or latest)
    qint64 mxFrame = 0;
};

// One fact of a lock diagnosis: who holds which lock, what it blocks, for how long it has been
// seen, what cannot be known. Core finds them (LockGraph, LockDiagnosis); they are put
// in words once, by LockText (core/text): the Locks panel, `locks` and `locks --json`.
struct LockFinding
{
    enum class Kind {
        // WAL mode (docs/locks.md)
        ShmStale,
        ShmUnreadable, // shmProblem says why
        Recovering,
        Writing,
        ResettingShm,
        ExclusiveWal, // ownShmMemory: it keeps the WAL-index in its own memory
        CheckpointCopying,
        CheckpointWriting,
        ReaderSlot0Idle,
        ReaderSlot0,
        ReaderUnknownFrame,
        ReaderBehind,
        ReaderLatest,
        WalEmpty,
        WalBacklog,
        NothingActive,
        // Rollback-journal mode
        RollbackExclusive,
        RollbackPending,
        RollbackReserved,
        RollbackShared,
        RollbackIdle,
        // Where the locks come from and what cannot be seen
        NoProc,
        NoProcLocks,
        ProbeForced,
        OfdLocks,
        HiddenUsers,
        ReportFailed, // error says why
    };
    // Why a WAL-index header could not be used (WalIndexHeader).
    enum class ShmProblem { Missing, NotInitialised, Inconsistent, Checksum };

    Kind kind = Kind::NothingActive;
    LockHolder holder;
    // The lock the finding is about and what it keeps from going on (the operations of its edges
    // in the wait-for graph, docs/locks.md); filled by LockGraph for findings that name a process.
    QString file; // "db" or "shm"; empty for findings about no process
    QString lock;
    bool write = false;
    QStringList blocks;
    qint64 heldForMs = -1; // the lock seen held this long; -1: seen just now (one look says no more)
    int slot = 0;          // the read slot
    qint64 mark = 0;       // the frame of a reader's snapshot
    qint64 mxFrame = 0;    // frames in the WAL
    qint64 backfilled = 0; // of them already copied into the database
    qint64 backlog = -1;   // frames waiting to be copied, -1 unknown
    qint64 backlogKiB = 0;
    bool ownShmMemory = false;
    ShmProblem shmProblem = ShmProblem::Missing;
    // CheckpointCopying: the writer it waits for (if any); RollbackPending: the readers it waits
    // for (none known: "the readers"); RollbackShared: the committers (waiting now when
    // othersWaiting, else their commit will wait).
    QList<LockHolder> others;
    bool othersWaiting = false;
    QList<LockWaiter> waits;        // CheckpointWriting: the readers it waits for
    QList<LockWaiter> restartWaits; // ... and those a RESTART or TRUNCATE one also waits for
    QMap<QString, int> hiddenByUser;
    DbError error;
};

} // namespace kalito
