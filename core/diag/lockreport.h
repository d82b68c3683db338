#pragma once

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
    QStringList diagnosis;
    QMap<QString, int> hiddenByUser; // processes of other users whose open files we cannot see
    bool procLocksAvailable = false;
    bool procAvailable = false;
    bool walMode = false;
    bool shmStale = false;
    ProbeResult probe;
    QString error;

    bool ok() const { return error.isEmpty(); }
    // Runs the probe child, reads /proc, diagnoses. history (optional) gives lock durations.
    static LockReport collect(const QString &databasePath, LockHistory *history = nullptr);
    // The same from a probe already run (the window runs the child asynchronously).
    static LockReport assemble(const QString &databasePath, const ProbeResult &probe,
                               LockHistory *history = nullptr);

    QList<Lock> locksOf(qint64 pid) const;
    QString displayName(qint64 pid) const; // "pid 4242 (node)" or "this inspector (pid 4242)"
    QJsonObject toJson() const;
    QString toText() const;
};

} // namespace kalito
