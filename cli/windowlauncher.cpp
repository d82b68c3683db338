#include "windowlauncher.h"

#include "cli.h"
#include "clioptions.h"
#include "displaycheck.h"
#include "programpaths.h"
#include "windowarguments.h"

#include <QFile>
#include <QProcessEnvironment>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace kalito::cli {

int WindowLauncher::exec(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString problem = WindowArguments::problem(arguments);
    if (!problem.isEmpty()) {
        printErr(QStringLiteral("kalito-inspector: %1\n\n").arg(problem) + usage());
        return UsageOrOpenError;
    }
    const QString window = ProgramPaths::window();
    if (window.isEmpty()) {
        printErr(QStringLiteral(
                     "kalito-inspector: the window is not installed (%1 found no kalito-inspector-gui); "
                     "the headless subcommands work (kalito-inspector --help), or install the "
                     "kalito-inspector package for the window\n")
                     .arg(ProgramPaths::self()));
        return UsageOrOpenError;
    }
    // Over ssh without -X there is no display: say what works instead of Qt's abort.
    const QString noDisplay = DisplayCheck::problem(arguments, QProcessEnvironment::systemEnvironment());
    if (!noDisplay.isEmpty()) {
        printErr(noDisplay + QLatin1Char('\n'));
        return UsageOrOpenError;
    }
    const QByteArray program = QFile::encodeName(window);
    ::execv(program.constData(), argv);
    printErr(QStringLiteral("kalito-inspector: cannot start %1: %2\n")
                 .arg(window, QString::fromLocal8Bit(std::strerror(errno))));
    return UsageOrOpenError;
}

} // namespace kalito::cli
