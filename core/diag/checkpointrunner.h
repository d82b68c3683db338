#pragma once

#include "canceltoken.h"
#include "checkpointresult.h"

namespace kalito {

class Database;

// Runs sqlite3_wal_checkpoint_v2 through the connection's native handle, on the connection's
// thread. While FULL, RESTART or TRUNCATE wait for a writer or a reader, a busy handler of ours
// sleeps in small steps and gives up when the wait budget is spent or the CancelToken is set;
// run under that token (Connection::run(work, priority, token)), a cancel also stops the copying
// itself between pages (the token's scope interrupts this statement only).
class CheckpointRunner
{
public:
    // maxWaitMs < 0: wait as long as the connection's busy_timeout.
    static CheckpointResult run(Database &db, CheckpointMode mode, const CancelToken &cancel = CancelToken(),
                                int maxWaitMs = -1);
};

} // namespace kalito
