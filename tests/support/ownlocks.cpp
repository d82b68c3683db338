#include "ownlocks.h"

#include "proclocks.h"

#include <QCoreApplication>

#include <limits>

namespace kalito::test {

namespace {

// The -shm lock bytes of the unix VFS (sqlite-wal-and-locks.md, "Lock bytes").
constexpr qint64 kCheckpointerByte = 121;
constexpr qint64 kFirstReadMarkByte = 123;
constexpr qint64 kLastReadMarkByte = 127;

bool holdsAny(const QString &databasePath, qint64 first, qint64 last)
{
    const qint64 self = QCoreApplication::applicationPid();
    const QList<ProcLock> locks = ProcLocks::on(databasePath + QStringLiteral("-shm"), ProcLocks::read());
    for (const ProcLock &l : locks) {
        const qint64 end = l.end < 0 ? std::numeric_limits<qint64>::max() : l.end;
        if (l.pid == self && l.start <= last && end >= first)
            return true;
    }
    return false;
}

} // namespace

bool OwnLocks::holdsReadMark(const QString &databasePath)
{
    return holdsAny(databasePath, kFirstReadMarkByte, kLastReadMarkByte);
}

bool OwnLocks::holdsCheckpointer(const QString &databasePath)
{
    return holdsAny(databasePath, kCheckpointerByte, kCheckpointerByte);
}

} // namespace kalito::test
