#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector space [--json] [--by-session N] [--largest N] PATH
// Where the bytes of the file go: the file, the freelist, -wal and -shm, every table with its
// indexes (the figures sqlite3_analyzer gives), the sessions holding the most message text and
// the largest messages. Opens read-only; writes nothing. Exit 0 when the report is whole, 1 when
// it was interrupted, 2 on a usage error or a database that cannot be opened or read.
int runSpace(const QStringList &arguments);

} // namespace kalito::cli
