#pragma once

#include "lockgraph.h"
#include "proberesult.h"
#include "processscan.h"

#include <QJsonObject>
#include <QMap>

namespace kalito {

class LockHistory;

// Who has the database open and who holds which SQLite lock, with a plain-language diagnosis.
// Built from /proc/locks, /proc/<pid>/fd and a ChildProbe run in a child process: nothing here
// opens the database or its -shm, and no SQLite connection is needed.
struct LockReport
{
    struct Lock
    {
        qint64 pid = 0;
        QString name; // process name
        QString file; // "db" or "shm"
        QString
            lock; // wal-write, checkpoint, recover, read0..read4, dms, shared, reserved, pending, exclusive
        bool write = false;
        bool self = false; // held by this inspector
    };

    QString path;
    qint64 selfPid = 0;
    QList<ProcessInfo> processes;
    QList<Lock> locks;
    QList<LockFinding> findings;     // the diagnosis as facts (LockText words them)
    QList<LockEdge> blocks;          // the wait-for graph the diagnosis is written from
    QMap<QString, int> hiddenByUser; // processes of other users whose open files we cannot see
    bool procLocksAvailable = false;
    bool probeForced = false; // the locks come from F_GETLK although /proc/locks exists
    bool procAvailable = false;
    bool walMode = false;
    bool shmStale = false;
    ProbeResult probe;
    DbError error;

    bool ok() const { return !error.isError(); }
    // Where the locks come from: /proc/locks (Linux; every holder of a shared lock) or the child's
    // fcntl(F_GETLK) probe (portable; one holder per lock byte). The probe is used where
    // /proc/locks is missing, or everywhere when forced (setForceProbe, or KALITO_LOCK_SOURCE=probe).
    static void setForceProbe(bool force);
    static bool forceProbe();
    static bool procLocksUsed(); // /proc/locks exists and the probe is not forced
    bool fromProbe() const { return probeForced || !procLocksAvailable; }
    // Runs the probe child, reads /proc, diagnoses. history (optional) gives lock durations.
    static LockReport collect(const QString &databasePath, LockHistory *history = nullptr);
    // The same from a probe already run (the window runs the child asynchronously).
    // scanOpenFiles false: the processes are only those holding locks (no walk over every
    // process's open files): the health strip's every-second look.
    static LockReport assemble(const QString &databasePath, const ProbeResult &probe,
                               LockHistory *history = nullptr, bool scanOpenFiles = true);
    // The SQLite locks /proc/locks shows on the database and its -shm (empty without /proc/locks):
    // the first half of assemble(), alone, for a look that costs no child process.
    static QList<Lock> procLocks(const QString &databasePath);
    static QString historyKey(const Lock &lock);

    QList<Lock> locksOf(qint64 pid) const;
    // The findings that name a process holding a lock (LockHolders): `locks --json` and
    // `status --json` "holders", the health strip, a checkpoint's "blocked by".
    QList<LockFinding> holders() const;
    // The findings in words (LockText::describe): `locks`, `locks --json` (English there).
    QStringList diagnosis() const;
    // What is known of a process: pid, command line, user, or why they cannot be known.
    LockHolder holder(qint64 pid) const;
    // "pid 4242 (node …/backend/server.js, user kalito)" or "this inspector (pid 4242)" (LockText).
    QString displayName(qint64 pid) const;
    QJsonObject toJson() const;
    QString toText() const; // `locks`: LockReportText::report
};

} // namespace kalito
