#pragma once

#include "dberror.h"
#include "lockfinding.h"

#include <QJsonObject>
#include <QMetaType>

namespace kalito {

enum class CheckpointMode { Passive, Full, Restart, Truncate };

// The outcome of one sqlite3_wal_checkpoint_v2 call, as `kalito-inspector checkpoint` prints it.
struct CheckpointResult
{
    CheckpointMode mode = CheckpointMode::Passive;
    int rc = 0;                  // SQLite result code (SQLITE_BUSY when it could not finish)
    bool busy = false;           // could not take a lock or wait out a reader
    int logFrames = -1;          // frames in the WAL (mxFrame); -1 when not in WAL mode
    int checkpointedFrames = -1; // frames copied into the database (nBackfill)
    qint64 walBytesBefore = 0;
    qint64 walBytesAfter = 0;
    qint64 elapsedMs = 0;
    bool cancelled = false;
    bool walMode = true;
    DbError error; // set for anything but OK and BUSY
    // Busy or partial: who it waited for or gave up on, from a lock snapshot taken right after
    // it returned (CheckpointBlockers); empty when it finished, or nobody was seen by then.
    QList<LockFinding> blockedBy;
    bool blockedByLooked = false; // the snapshot was taken (busy or partial)

    bool partial() const { return walMode && !busy && !cancelled && checkpointedFrames < logFrames; }

    static QString modeName(CheckpointMode mode); // "passive", ...
    static bool parseMode(const QString &name, CheckpointMode *mode);
    // FULL, RESTART and TRUNCATE make writers wait while they run.
    static bool blocksWriters(CheckpointMode mode) { return mode != CheckpointMode::Passive; }
    QJsonObject toJson() const;
    QString toText() const; // `checkpoint` and the health strip: CheckpointText::result
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::CheckpointResult)
