#include "statuscommand.h"

#include "clioptions.h"
#include "clisession.h"
#include "forkedprobe.h"
#include "lockholders.h"
#include "lockreport.h"
#include "statusreport.h"
#include "walstate.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace kalito::cli {

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    addDatabaseOptions(parser);
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("status"));
    if (!parsed.run)
        return parsed.exitCode;
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
    // The WAL-index is read from outside this process: it holds a connection (the close() trap),
    // whose DMS lock the probe must see. A fork() of this process, not a second program: the
    // same look at the same moment (after the counts, no read transaction held, the worker
    // idle), without a second start-up (issue 21; docs/headless.md).
    // The processes are those holding locks (no walk over every process's open files, which
    // status never printed and which was most of its time on a small database).
    const WalState wal = WalState::from(LockReport::assemble(
        report.path, ForkedProbe::run(QFileInfo(options.path).absoluteFilePath()), nullptr, false));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = report.toJson();
        o.insert(QStringLiteral("wal"), wal.toJson());
        // The same objects as `locks --json` "holders" (LockHolders::toJson): one definition.
        o.insert(QStringLiteral("holders"), LockHolders::toJson(wal.holders));
        printOut(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    } else {
        printOut(report.toText() + wal.toText() + wal.holdersText());
    }
    if (report.error.isError()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(report.error.toString()));
        return Problem;
    }
    return Success;
}

} // namespace kalito::cli
