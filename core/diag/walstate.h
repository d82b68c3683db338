#pragma once

#include "lockreport.h"

#include <QJsonValue>

namespace kalito {

// The WAL as `status` reports it: frames, backfill, page size, checkpoint sequence and the read
// slots in use, read slot 0 included (with the pids holding them), and the lock holders in the
// words and JSON of `locks`: all read from one LockReport (a probe run in a child process and
// /proc/locks), never a second reading of its own.
struct WalState
{
    struct Reader
    {
        int slot = 0;
        quint32 mark = 0;
        QList<qint64> pids;
    };

    bool walMode = false;
    bool shmExists = false;
    bool walExists = false;
    bool headerValid = false;
    bool stale = false;
    // Why the numbers are missing or not to be trusted (LockText::walProblem words it).
    enum class Problem { None, ReportFailed, ShmUnreadable, WalIndexInvalid, StaleShm };
    Problem problem = Problem::None;
    DbError problemError;    // ReportFailed, ShmUnreadable: what failed
    WalIndexHeader walIndex; // WalIndexInvalid: the header as read
    quint32 frames = 0;      // mxFrame
    quint32 backfilled = 0;  // nBackfill
    int pageSize = 0;        // 0: unknown (an empty WAL has no frame to say it)
    quint32 checkpointSequence = 0;
    qint64 walBytes = 0;
    qint64 walFrameSlots = 0;
    QList<Reader> readers;      // slots 0..4 some process holds a read lock on
    QList<LockFinding> holders; // LockReport::holders(): the same as `locks`
    std::array<quint32, 5> readMarks{{0, 0, 0, 0, 0}};

    quint32 backlog() const { return frames > backfilled ? frames - backfilled : 0; }
    static WalState from(const LockReport &report);
    QJsonValue toJson() const; // null when not in WAL mode
    QString toText() const;    // `status`: StatusText::wal
    // `status`'s "holders" section: the holders' sentences of `locks` (also in rollback mode).
    QString holdersText() const; // StatusText::holders
};

} // namespace kalito
