#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector check [--quick|--full|--foreign-keys] [--per-table] [--json] PATH
// Exit 0 when the check found nothing, 1 when it found problems (or was interrupted).
int runCheck(const QStringList &arguments);

} // namespace kalito::cli
