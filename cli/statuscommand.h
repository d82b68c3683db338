#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector status [--json] [--read-only] [--busy-timeout MS] [PATH]
int runStatus(const QStringList &arguments);

} // namespace kalito::cli
