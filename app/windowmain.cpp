#include "applicationicon.h"
#include "cli.h"
#include "clioptions.h"
#include "connection.h"
#include "displaycheck.h"
#include "logfile.h"
#include "logging.h"
#include "mainwindow.h"
#include "proberunner.h"
#include "programpaths.h"
#include "signalwatcher.h"
#include "sqllog.h"
#include "translations.h"
#include "windowstartup.h"

#include <QApplication>
#include <QMessageBox>
#include <QProcessEnvironment>

#include <cstdio>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("kalito"));
    QCoreApplication::setApplicationName(QStringLiteral("kalito-inspector"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KALITO_VERSION));
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Kalito Inspector"));
    QApplication::setDesktopFileName(QStringLiteral("org.kalito.Inspector"));
    QApplication::setWindowIcon(kalito::ui::ApplicationIcon::icon());
    kalito::ui::Translations::install(&app);
    kalito::LogFile::install();
    qCInfo(lcApp) << "starting" << QCoreApplication::applicationVersion();

    const auto startup = kalito::ui::WindowStartup::fromArguments(QApplication::arguments());
    if (!startup.error.isEmpty()) {
        QMessageBox::critical(nullptr, QStringLiteral("Kalito Inspector"), startup.error);
        return kalito::cli::UsageOrOpenError;
    }
    kalito::Connection connection;
    kalito::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &kalito::SignalWatcher::received, &app, [&](int sig) {
        qCInfo(lcApp) << "signal" << sig << "- shutting down";
        connection.interrupt();
        QApplication::quit();
    });
    kalito::ui::MainWindow window(&connection);
    window.show();
    startup.openIn(&window);
    const int code = app.exec();
    connection.interrupt();
    const kalito::CloseReport report = connection.close().result();
    qCInfo(lcApp).noquote() << "closed; checkpoint" << report.checkpointMode << report.whyCode();
    return code;
}

} // namespace

// kalito-inspector-gui: the window, started by kalito-inspector (app/headlessmain.cpp) when there
// is no subcommand. It still runs the subcommands itself when started directly.
int main(int argc, char **argv)
{
    // SQLite's error log can only be set before SQLite initialises, i.e. before any connection.
    kalito::SqlLog::installErrorLog();
    setIdentity();
    const QStringList arguments = argumentsOf(argc, argv);
    if (kalito::cli::isHeadless(arguments)) {
        QCoreApplication app(argc, argv);
        kalito::LogFile::install(kalito::LogFile::defaultDirectory(), 1024 * 1024, 3,
                                 kalito::LogFile::Stderr::Nothing);
        return kalito::cli::run(QCoreApplication::arguments());
    }
    // Over ssh without -X there is no display: say what works instead of Qt's abort.
    const QString noDisplay =
        kalito::cli::DisplayCheck::problem(arguments, QProcessEnvironment::systemEnvironment());
    if (!noDisplay.isEmpty()) {
        fprintf(stderr, "%s\n", noDisplay.toLocal8Bit().constData());
        return kalito::cli::UsageOrOpenError;
    }
    // The health strip's child probe (`probe-files`) runs in the headless executable: a process
    // that loads no Gui library starts in a fraction of the time. This one when it is missing.
    const QString headless = kalito::cli::ProgramPaths::headless();
    if (!headless.isEmpty())
        kalito::ProbeRunner::setProgram(headless);
    return runWindow(argc, argv);
}
