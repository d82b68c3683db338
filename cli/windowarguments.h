#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace kalito::cli {

// The window's own command line, known without Qt Gui: the options the window understands
// (the same two ui::WindowStartup parses once QApplication has taken its own), and
// whether a command line without a subcommand may start the window at all. A mistyped
// subcommand (`kalito-inspector stauts kalito.db`) or an option neither the window nor Qt knows
// is a usage error here, in the headless executable, instead of a window.
class WindowArguments
{
public:
    // --read-only, --busy-timeout MS and the PATH positional.
    static void addOptions(QCommandLineParser &parser);
    // Empty when the window may start; else what is wrong, one line without the program's name.
    // `arguments` include the program (argv[0]).
    static QString problem(const QStringList &arguments);
    // Whether `argument` names a database file rather than a (mistyped) subcommand: an existing
    // file, anything with a '/', or a name ending in .db, .sqlite, .sqlite3 or .db3.
    static bool looksLikePath(const QString &argument);
    // The arguments without Qt Gui's own options (-platform NAME, -style NAME, -reverse...),
    // which QGuiApplication takes before the window sees the rest.
    static QStringList withoutQtOptions(const QStringList &arguments);
};

} // namespace kalito::cli
