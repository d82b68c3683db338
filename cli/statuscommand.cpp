#include "statuscommand.h"

#include "clioptions.h"
#include "clisession.h"
#include "lockholders.h"
#include "lockreport.h"
#include "proberunner.h"
#include "statusreport.h"
#include "walstate.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>

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
    // The WAL-index is read by a child process: this one holds a connection (the close() trap).
    // The child starts now, so that its start-up (a second Qt program: about as long as the
    // counts on a small database) runs beside the open and the counts; it looks at the files only
    // when told to, after them, when this process holds no read transaction, as it did before.
    QProcess probe;
    probe.start(ProbeRunner::program(), {QStringLiteral("probe-files"), QStringLiteral("--after-input"),
                                         QFileInfo(options.path).absoluteFilePath()});
    CliSession session;
    if (!session.open(options))
        return UsageOrOpenError;
    const StatusReport report = session.run([](Database &db) { return StatusReport::collect(db); });
    probe.write("\n");
    probe.closeWriteChannel();
    const bool probed = probe.waitForFinished(10000);
    if (!probed) {
        probe.kill();
        probe.waitForFinished(2000);
    }
    const WalState wal = WalState::from(LockReport::assemble(
        report.path,
        ProbeRunner::fromOutput(probe.readAllStandardOutput(), probe.readAllStandardError(), probed),
        nullptr));
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
