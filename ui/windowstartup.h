#pragma once

#include "openoptions.h"
#include "pathresolver.h"

#include <QStringList>

namespace kalito::ui {

// Works out what the window opens: options from the command line, then path resolution, then
// the demo database (created on first use).
struct WindowStartup
{
    OpenOptions options;
    ResolvedPath resolved;
    QString error; // a usage error or a failed demo creation; empty when all is well

    static WindowStartup fromArguments(const QStringList &arguments);
};

} // namespace kalito::ui
