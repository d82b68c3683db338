#pragma once

#include <QList>
#include <QString>

namespace kalito {

// The lock bytes of SQLite's unix VFS and their names (sqlite-wal-and-locks.md, "Lock bytes").
class LockNames
{
public:
    // -shm: 120 wal-write, 121 checkpoint, 122 recover, 123..127 read0..read4, 128 dms.
    static constexpr qint64 kShmFirst = 120;
    static constexpr qint64 kShmLast = 128;
    static constexpr qint64 kShmDms = 128;
    // Main database file.
    static constexpr qint64 kPending = 0x40000000;
    static constexpr qint64 kReserved = kPending + 1;
    static constexpr qint64 kSharedFirst = kPending + 2;
    static constexpr int kSharedSize = 510;

    static QString shmName(qint64 offset); // empty outside 120..128
    // Read slot of a shm lock name ("read3" -> 3), -1 for other locks.
    static int readSlot(const QString &name);
    // The order locks are listed in everywhere (reports, the watch, the timeline): the -shm's from
    // wal-write to dms, then the database file's from exclusive to shared; -1 for an unknown name.
    static int order(const QString &name);

    struct Named
    {
        QString lock; // wal-write, ..., shared, reserved, pending, exclusive
        bool write = false;
    };
    // The SQLite locks a byte range [start, end] (end -1 = EOF) covers; write is the range's mode.
    static QList<Named> onShm(qint64 start, qint64 end, bool write);
    static QList<Named> onDb(qint64 start, qint64 end, bool write);
};

} // namespace kalito
