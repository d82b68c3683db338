#pragma once

#include <QList>

namespace kalito {

struct LockReport;

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
    // From the one lock report every door uses (/proc/locks, or the F_GETLK probe where it is
    // missing or forced), read slot 0 included: a reader there stops every frame being copied.
    static QList<WalReader> of(const LockReport &report);
};

} // namespace kalito
