#pragma once

#include <QString>

namespace kalito::test {

// What this test process itself holds on a WAL database, read from /proc/locks (no descriptor
// opened on the files; see the close() trap in sqlite-wal-and-locks.md). A test that must cancel
// work while it runs waits on these instead of a fixed time: a statement that reads holds a read
// mark (READ0..READ4, -shm bytes 123..127) for as long as it runs, and a FULL, RESTART or TRUNCATE
// checkpoint holds the checkpointer lock (byte 121) while it waits for readers. SQLite itself
// takes and lets go of these locks, so they say the work is under way, not merely queued.
class OwnLocks
{
public:
    // True while this process holds a read mark on databasePath's -shm.
    static bool holdsReadMark(const QString &databasePath);
    // True while this process holds the checkpointer lock on databasePath's -shm.
    static bool holdsCheckpointer(const QString &databasePath);
};

} // namespace kalito::test
