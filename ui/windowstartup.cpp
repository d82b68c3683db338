#include "windowstartup.h"

#include "mainwindow.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSettings>

namespace kalito::ui {

WindowStartup WindowStartup::fromArguments(const QStringList &arguments)
{
    WindowStartup s;
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("read-only"), QStringLiteral("Open read-only.")});
    parser.addOption({QStringLiteral("busy-timeout"), QStringLiteral("Busy timeout in ms."),
                      QStringLiteral("ms"), QStringLiteral("5000")});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Database to open."));
    if (!parser.parse(arguments)) {
        s.error = parser.errorText();
        return s;
    }
    bool ok = false;
    s.options.busyTimeoutMs = parser.value(QStringLiteral("busy-timeout")).toInt(&ok);
    if (!ok || s.options.busyTimeoutMs < 0) {
        s.error = tr("--busy-timeout needs a number of milliseconds");
        return s;
    }
    s.options.readOnly = parser.isSet(QStringLiteral("read-only"));

    PathResolver resolver;
    resolver.setCommandLinePath(parser.positionalArguments().value(0));
    resolver.setEnvironmentPath(qEnvironmentVariable("KALITO_DB"));
    resolver.setWorkingDirectory(QDir::currentPath());
    resolver.setLastOpened(QSettings().value(QStringLiteral("lastDatabase")).toString());
    s.resolved = resolver.resolve();
    s.options.path = s.resolved.path;
    return s;
}

void WindowStartup::openIn(MainWindow *window) const
{
    // The demo is made on a worker thread while the window is already shown (MainWindow).
    if (resolved.needsCreation)
        window->createDemoDatabase(options);
    else
        window->openDatabase(options);
}

} // namespace kalito::ui
