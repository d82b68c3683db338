#pragma once

#include <QCoreApplication>

namespace kalito {

struct StatusReport;
struct WalState;

// What `status` prints, in words (English: the command line installs no catalogue): the
// connection, the files and the Kalito tables, then the WAL and the lock holders.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)
public:
    // One "key   value" line each: path, SQLite, mode, the pragmas, the files' sizes, the tables.
    static QString report(const StatusReport &report);
    // The WAL's frames, backfill, page size, checkpoint sequence and readers; a note when they
    // are missing or not to be trusted.
    static QString wal(const WalState &state);
    // The "holders" section: the holders' sentences of `locks` (also in rollback mode).
    static QString holders(const WalState &state);
};

} // namespace kalito
