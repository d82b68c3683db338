#pragma once

#include <QString>

namespace kalito::cli {

// Where the two executables find each other. `kalito-inspector` (headless: Qt Core, Qt Sql and
// SQLite only) is what a person types; the window is a second executable, `kalito-inspector-gui`,
// which it starts when there is no subcommand. In a build tree both sit in one folder; installed,
// the window lives in $libexecdir/kalito-inspector/ (not on PATH: nobody types it), and each finds
// the other through the relative path between the two install folders, fixed at configure time.
class ProgramPaths
{
public:
    // This process's executable, read from /proc/self/exe: no QCoreApplication needed.
    static QString self();
    // The window executable for a headless executable at `headless`; empty when not there.
    static QString window(const QString &headless = self());
    // The headless executable for a window executable at `window`; empty when not there.
    static QString headless(const QString &window = self());
};

} // namespace kalito::cli
