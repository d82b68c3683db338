#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector demo PATH [--sessions N] [--messages-per-session M]
int runDemo(const QStringList &arguments);

} // namespace kalito::cli
