#include "statuscommand.h"

#include "clioptions.h"
#include "clisession.h"
#include "statusreport.h"

#include <QJsonDocument>

namespace kalito::cli {

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    addDatabaseOptions(parser);
    if (!parseOrComplain(parser, arguments, QStringLiteral("status")))
        return UsageOrOpenError;
    bool ok = false;
    OpenOptions options;
    options.busyTimeoutMs = busyTimeout(parser, &ok);
    options.readOnly = parser.isSet(QStringLiteral("read-only"));
    options.path = databasePath(parser);
    if (!ok || options.path.isEmpty() || parser.positionalArguments().size() > 1) {
        printErr(QStringLiteral("kalito-inspector status: %1\n")
                     .arg(!ok ? QStringLiteral("--busy-timeout needs a number of milliseconds")
                              : QStringLiteral("give one database PATH (none was found)")));
        return UsageOrOpenError;
    }
    CliSession session;
    if (!session.open(options))
        return UsageOrOpenError;
    const StatusReport report = session.run([](Database &db) { return StatusReport::collect(db); });
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    else
        printOut(report.toText());
    if (report.error.isError()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(report.error.toString()));
        return Problem;
    }
    return Success;
}

} // namespace kalito::cli
