#pragma once

#include "openoptions.h"
#include "pathresolver.h"

#include <QCoreApplication>
#include <QStringList>

namespace kalito::ui {

// Works out what the window opens: options from the command line, then path resolution, then
// the demo database (created on first use).
struct WindowStartup
{
    Q_DECLARE_TR_FUNCTIONS(WindowStartup)

public:
    OpenOptions options;
    ResolvedPath resolved;
    QString error; // a usage error or a failed demo creation; empty when all is well

    static WindowStartup fromArguments(const QStringList &arguments);
};

} // namespace kalito::ui
