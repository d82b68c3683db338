#include "clioptions.h"

#include "pathresolver.h"

#include <QDir>
#include <QSettings>

#include <cstdio>

namespace kalito::cli {

void addDatabaseOptions(QCommandLineParser &parser, bool readOnlyOption)
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text.")});
    if (readOnlyOption)
        parser.addOption(
            {QStringLiteral("read-only"), QStringLiteral("Open the database read-only; never write.")});
    parser.addOption(
        {QStringLiteral("busy-timeout"),
         QStringLiteral("How long to wait for a locked database, in milliseconds (default 5000)."),
         QStringLiteral("ms"), QStringLiteral("5000")});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("The database (default: $KALITO_DB, then a Kalito checkout "
                                                "above the current folder, then the last one opened)."));
}

ParseResult parseOrComplain(QCommandLineParser &parser, const QStringList &arguments, const QString &command)
{
    parser.setApplicationDescription(QStringLiteral("kalito-inspector %1").arg(command));
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("kalito-inspector %1: %2\n").arg(command, parser.errorText()));
        return {false, UsageOrOpenError};
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return {false, Success};
    }
    return {true, Success};
}

QString databasePath(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    PathResolver resolver;
    if (!positional.isEmpty())
        resolver.setCommandLinePath(positional.constFirst());
    resolver.setEnvironmentPath(qEnvironmentVariable("KALITO_DB"));
    resolver.setWorkingDirectory(QDir::currentPath());
    // The settings file is read only when it can decide (start-up: most commands name their PATH).
    if (positional.isEmpty())
        resolver.setLastOpened(QSettings().value(QStringLiteral("lastDatabase")).toString());
    const ResolvedPath r = resolver.resolve();
    // Headless commands never create the demo database on their own.
    return r.source == ResolvedPath::Source::Demo && r.needsCreation ? QString() : r.path;
}

int busyTimeout(const QCommandLineParser &parser, bool *ok)
{
    const int ms = parser.value(QStringLiteral("busy-timeout")).toInt(ok);
    if (ms < 0)
        *ok = false;
    return ms;
}

void printOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace kalito::cli
