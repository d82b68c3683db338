#include "checkpointcommand.h"

#include "checkpointrunner.h"
#include "clioptions.h"
#include "clisession.h"

#include <QJsonDocument>

namespace kalito::cli {

int runCheckpoint(const QStringList &arguments)
{
    QCommandLineParser parser;
    addDatabaseOptions(parser, false); // a checkpoint writes: no --read-only
    parser.addOption(
        {QStringLiteral("mode"),
         QStringLiteral("passive (never waits), full, restart or truncate (these make writers wait "
                        "while they wait for readers, up to --busy-timeout)."),
         QStringLiteral("mode"), QStringLiteral("passive")});
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("checkpoint"));
    if (!parsed.run)
        return parsed.exitCode;
    CheckpointMode mode = CheckpointMode::Passive;
    bool ok = false;
    OpenOptions options;
    options.busyTimeoutMs = busyTimeout(parser, &ok);
    options.path = databasePath(parser);
    QString problem;
    if (!CheckpointResult::parseMode(parser.value(QStringLiteral("mode")), &mode))
        problem = QStringLiteral("--mode must be passive, full, restart or truncate");
    else if (!ok)
        problem = QStringLiteral("--busy-timeout needs a number of milliseconds");
    else if (options.path.isEmpty() || parser.positionalArguments().size() > 1)
        problem = QStringLiteral("give one database PATH (none was found)");
    if (!problem.isEmpty()) {
        printErr(QStringLiteral("kalito-inspector checkpoint: %1\n").arg(problem));
        return UsageOrOpenError;
    }
    CliSession session;
    if (!session.open(options))
        return UsageOrOpenError;
    const CancelToken cancel = session.cancelToken();
    const CheckpointResult r =
        session.run([mode, cancel](Database &db) { return CheckpointRunner::run(db, mode, cancel); });
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    else
        printOut(r.toText());
    if (r.error.isError()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(r.error.toString()));
        return r.error.kind == DbError::Kind::Interrupted ? Problem : UsageOrOpenError;
    }
    if (!r.walMode) {
        printErr(QStringLiteral("kalito-inspector: %1: not in WAL mode, nothing to checkpoint\n")
                     .arg(options.path));
        return Problem;
    }
    return r.busy || r.cancelled ? Problem : Success;
}

} // namespace kalito::cli
