#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector probe-files PATH (internal): what ChildProbe sees, as one JSON object. The
// inspector runs itself with this subcommand so that the open()/pread()/F_GETLK on the database
// and its -shm happen in a process that holds no SQLite connection (the close() trap).
int runProbeFiles(const QStringList &arguments);

} // namespace kalito::cli
