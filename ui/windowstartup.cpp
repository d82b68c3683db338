#include "windowstartup.h"

#include "demodatabase.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
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
    if (s.resolved.needsCreation) {
        QDir().mkpath(QFileInfo(s.resolved.path).absolutePath());
        DemoOptions demo;
        demo.path = s.resolved.path;
        const DemoResult r = DemoDatabase::create(demo);
        if (r.error.isError())
            s.error = r.error.toString();
    }
    return s;
}

} // namespace kalito::ui
