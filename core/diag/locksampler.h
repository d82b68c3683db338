#pragma once

#include "dberror.h"
#include "locktransition.h"

#include <QHash>
#include <QList>

namespace kalito {

// One look after another at who holds which SQLite lock on a database (from /proc/locks, or
// from F_GETLK where there is no /proc/locks) and at the WAL-index header, turned into
// transitions. It opens the -shm (and, without /proc/locks, the database) to read them: closing
// those descriptors would drop this process's own POSIX locks on the files, so it must only run
// in a process without a SQLite connection (`locks --watch`, or a child of the window).
class LockSampler
{
public:
    explicit LockSampler(const QString &databasePath);

    QString path() const { return m_path; }
    // Why the database cannot be watched (missing, a directory, not SQLite, unreadable), or no
    // error: a code, worded by ErrorText.
    static DbError problemWith(const QString &databasePath);
    bool usesProcLocks() const { return m_procLocks; }

    // Takes one sample and returns what changed since the last one (releases first), stamped
    // nowMs, or when not given, the time the locks were read (after the read: a clock read before
    // it could date a lock before the process that holds it had taken it). The first sample
    // reports every lock already held, marked sinceStart.
    QList<LockTransition> sample(qint64 nowMs = -1);
    // The locks held at the last sample (acquisition transitions), for the summary at the end.
    QList<LockTransition> held() const { return m_held.values(); }
    int samples() const { return m_samples; }
    // The longest time between two samples: a hold shorter than that may have gone unseen (a
    // loaded machine can leave this process waiting for the CPU longer than the interval).
    qint64 longestGapMs() const { return m_longestGapMs; }

private:
    struct Seen
    {
        qint64 pid;
        QString file;
        QString lock;
        bool write;
    };
    QList<Seen> look();
    void readWalIndex();
    void describe(qint64 pid, QString *cmdline, QString *user);

    QString m_path;
    QString m_shmPath;
    bool m_procLocks = false;
    int m_samples = 0;
    qint64 m_lastSampleMs = 0;
    qint64 m_longestGapMs = 0;
    bool m_walKnown = false;
    quint32 m_mxFrame = 0;
    quint32 m_nBackfill = 0;
    QHash<QString, LockTransition> m_held;                 // key -> its acquisition
    QHash<qint64, QPair<QString, QString>> m_processCache; // pid -> command line, user
};

} // namespace kalito
