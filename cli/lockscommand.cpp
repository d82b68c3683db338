#include "lockscommand.h"

#include "clioptions.h"
#include "fileprobe.h"
#include "lockreport.h"
#include "lockswatchcommand.h"

#include <QJsonDocument>

namespace kalito::cli {

int runLocks(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--watch")))
        return runLocksWatch(arguments);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object instead of text.")});
    parser.addOption({QStringLiteral("probe"),
                      QStringLiteral("Read the locks with fcntl(F_GETLK) in a child process instead of "
                                     "/proc/locks (the way used where /proc/locks is missing).")});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("The database."));
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("locks"));
    if (!parsed.run)
        return parsed.exitCode;
    const QString path = databasePath(parser);
    if (path.isEmpty() || parser.positionalArguments().size() > 1) {
        printErr(QStringLiteral("kalito-inspector locks: give one database PATH (none was found)\n"));
        return UsageOrOpenError;
    }
    // What `status` and `check` refuse, refused here too, before any child opens anything: a
    // directory, a FIFO (opening one hangs), a file that is not a SQLite database, an empty or
    // missing path. FileProbe only reads the header (this process holds no connection).
    const FileProbe file = FileProbe::inspect(path);
    if (file.error.isError()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(file.error.toString()));
        return UsageOrOpenError;
    }
    if (parser.isSet(QStringLiteral("probe")))
        LockReport::setForceProbe(true);
    const LockReport report = LockReport::collect(path);
    if (!report.ok()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(report.error.toString()));
        return UsageOrOpenError;
    }
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    else
        printOut(report.toText());
    return Success;
}

} // namespace kalito::cli
