#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector checkpoint --mode passive|full|restart|truncate [--json] [--busy-timeout MS] PATH
// Exit 0 when the checkpoint finished, 1 when it was busy (or the database is not in WAL mode).
int runCheckpoint(const QStringList &arguments);

} // namespace kalito::cli
