#pragma once

#include "lockrecording.h"

namespace kalito {

// Reads and writes a lock recording (the JSON lines of `locks --watch --jsonl`). The window holds
// a SQLite connection, and closing any descriptor on the database or its -shm would drop that
// connection's locks: load() refuses those files before opening anything.
class LockRecordingFile
{
public:
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    // Why a recording was not loaded or saved (RecordingText words it).
    struct Problem
    {
        enum class Kind {
            None,
            Missing,
            IsFolder,
            IsDatabase,
            TooBig,
            CannotRead,
            NotARecording,
            SaveOntoDatabase,
            CannotWrite
        };
        Kind kind = Kind::None;
        QString path;         // the recording, absolute
        qint64 bytes = 0;     // TooBig: its size
        QString detail;       // the system's words (CannotRead, CannotWrite)
        RecordingFault fault; // NotARecording: what the parser found (LockRecording::parse)
    };

    // On failure returns false, leaves *out as it was and says why.
    static bool load(const QString &path, const QString &databasePath, LockRecording *out, Problem *why);
    static bool save(const QString &path, const QString &databasePath, const LockRecording &recording,
                     Problem *why);
    // The database, its -wal or its -shm (same device and inode), which must never be opened here.
    static bool isDatabaseFile(const QString &path, const QString &databasePath);
};

} // namespace kalito
