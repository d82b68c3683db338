#pragma once

#include "dberror.h"
#include "lockrecording.h"

namespace kalito {

// Reads and writes a lock recording (the JSON lines of `locks --watch --jsonl`). The window holds
// a SQLite connection, and closing any descriptor on the database or its -shm would drop that
// connection's locks: load() refuses those files before opening anything.
class LockRecordingFile
{
public:
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    // On failure returns false, leaves *out as it was and says why (DbError::Reason::Recording*,
    // NotARecording; RecordingText words them). The error's path is the recording, absolute.
    static bool load(const QString &path, const QString &databasePath, LockRecording *out, DbError *why);
    static bool save(const QString &path, const QString &databasePath, const LockRecording &recording,
                     DbError *why);
    // The database, its -wal or its -shm (same device and inode), which must never be opened here.
    static bool isDatabaseFile(const QString &path, const QString &databasePath);
};

} // namespace kalito
