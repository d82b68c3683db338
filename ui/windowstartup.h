#pragma once

#include "openoptions.h"
#include "pathresolver.h"

#include <QCoreApplication>
#include <QStringList>

namespace kalito::ui {

class MainWindow;

// Works out what the window opens: options from the command line, then path resolution, then
// the demo database (created on first use, by the window, off the GUI thread).
struct WindowStartup
{
    Q_DECLARE_TR_FUNCTIONS(WindowStartup)

public:
    OpenOptions options;
    ResolvedPath resolved;
    QString error; // a usage error; empty when all is well

    static WindowStartup fromArguments(const QStringList &arguments);
    // Opens what was resolved in the window (shown already), creating the demo database first
    // when it does not exist yet.
    void openIn(MainWindow *window) const;
};

} // namespace kalito::ui
