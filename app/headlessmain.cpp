// kalito-inspector: what a person types. Headless: Qt Core, Qt Sql and SQLite only (no Gui,
// Widgets, OpenGL or X11 library is even loaded), so that a server without a display can install
// and run the subcommands. Without a subcommand it becomes the window: WindowLauncher replaces
// this process with kalito-inspector-gui, same arguments (docs/headless.md).
#include "cli.h"
#include "logfile.h"
#include "sqllog.h"
#include "windowlauncher.h"

#include <QCoreApplication>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    const QStringList arguments = argumentsOf(argc, argv);
    if (!kalito::cli::isHeadless(arguments))
        return kalito::cli::WindowLauncher::exec(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("kalito"));
    QCoreApplication::setApplicationName(QStringLiteral("kalito-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KALITO_VERSION));
    if (kalito::cli::isHelpOrVersion(arguments))
        return kalito::cli::run(arguments); // constants: no application object, no log file
    // SQLite's error log can only be set before SQLite initialises, i.e. before any connection.
    kalito::SqlLog::installErrorLog();
    QCoreApplication app(argc, argv);
    kalito::LogFile::install(kalito::LogFile::defaultDirectory(), 1024 * 1024, 3,
                             kalito::LogFile::Stderr::Nothing);
    return kalito::cli::run(QCoreApplication::arguments());
}
