#pragma once

#include "proberesult.h"
#include "proclocks.h"

#include <QList>

namespace kalito {

// The processes inside a WAL read transaction: each holds a shared lock on one of the read-mark
// bytes (read0..read4) of the -shm for as long as its snapshot lives, and so keeps checkpoints
// from copying (read0) or from resetting the WAL (read1..read4).
struct WalReader
{
    qint64 pid = 0; // -1 for an OFD lock (no owning pid)
    int slot = 0;   // 0..4
};

class WalReaders
{
public:
    // From /proc/locks, which names every holder and opens nothing of the database's (Linux).
    static QList<WalReader> fromProcLocks(const QString &databasePath, const QList<ProcLock> &all);
    // From a child probe's F_GETLK answers: one holder per byte, for when /proc/locks is missing.
    static QList<WalReader> fromProbe(const ProbeResult &probe);
};

} // namespace kalito
