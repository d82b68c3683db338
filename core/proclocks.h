#pragma once

#include <QList>
#include <QString>

namespace kalito {

// One line of /proc/locks: a POSIX (or OFD/flock) lock that some process holds on a byte range.
struct ProcLock
{
    qint64 pid = 0;     // -1 for OFD locks, which belong to an open file description, not a pid
    QString type;       // POSIX, FLOCK, OFDLCK
    bool write = false; // WRITE (exclusive) or READ (shared)
    quint64 device = 0; // st_dev as the kernel prints it (major:minor)
    quint64 inode = 0;
    qint64 start = 0;
    qint64 end = -1; // -1 for EOF (to the end of the file)
};

// Reads /proc/locks without opening the files the locks are on (see the close() trap in
// sqlite-wal-and-locks.md). Linux only; elsewhere available() is false.
class ProcLocks
{
public:
    static bool available();
    static QList<ProcLock> parse(const QByteArray &procLocksText);
    static QList<ProcLock> read();
    // Locks on the file at path (matched by device and inode from stat()).
    static QList<ProcLock> on(const QString &path, const QList<ProcLock> &all);
    // Distinct other processes holding any lock on the database or its -shm; -1 when unknown.
    static int otherProcessesHolding(const QString &databasePath);
};

} // namespace kalito
