#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector locks [--json] [--probe] PATH: who has the database open, who holds which lock, and a
// diagnosis. Opens no SQLite connection.
int runLocks(const QStringList &arguments);

} // namespace kalito::cli
