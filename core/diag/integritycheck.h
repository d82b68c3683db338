#pragma once

#include "canceltoken.h"
#include "integrityresult.h"

#include <functional>

namespace kalito {

class Database;

// quick_check, integrity_check and foreign_key_check on the connection thread.
// Table by table (perTable) gives progress and lets checkpoints through between tables (each
// check runs in its own read transaction); SQLite 3.40's b-tree walk calls no progress handler,
// so a whole-file pass reports nothing until it ends. The whole-file pass alone also checks the
// page accounting across tables ("page N is never used", a page in two trees).
// Cancel: run it under a CancelToken (Connection::run(work, priority, token)) and cancel the token;
// SQLite stops within a fraction of a second (the walk calls no progress handler, so the token's
// scope interrupts it), and nothing else on the connection is stopped.
class IntegrityCheck
{
public:
    using Progress = std::function<void(int done, int total, const QString &table)>;

    static IntegrityResult run(Database &db, IntegrityKind kind, bool perTable,
                               const CancelToken &cancel = CancelToken(),
                               const Progress &progress = Progress());
    // One finding per line: splits SQLite's newline-joined messages, drops "ok" and blanks.
    static QList<IntegrityFinding> findingsFrom(const QList<QVariantList> &rows, IntegrityKind kind);
};

} // namespace kalito
