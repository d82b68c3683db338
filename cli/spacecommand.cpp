#include "spacecommand.h"

#include "clioptions.h"
#include "clisession.h"
#include "spacescan.h"
#include "spacetext.h"

#include <QJsonDocument>

namespace kalito::cli {

int runSpace(const QStringList &arguments)
{
    QCommandLineParser parser;
    addDatabaseOptions(parser, false); // always read-only: the report writes nothing
    parser.addOption(
        {QStringLiteral("by-session"),
         QStringLiteral("The N sessions holding the most message text (default 10; 0: no message "
                        "scan)."),
         QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("largest"), QStringLiteral("The N largest messages (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("space"));
    if (!parsed.run)
        return parsed.exitCode;
    bool ok = false, okSessions = false, okLargest = false;
    OpenOptions options;
    options.busyTimeoutMs = busyTimeout(parser, &ok);
    options.readOnly = true;
    options.path = databasePath(parser);
    SpaceScanOptions scan;
    scan.topSessions = parser.value(QStringLiteral("by-session")).toInt(&okSessions);
    scan.largestMessages = parser.value(QStringLiteral("largest")).toInt(&okLargest);
    if (scan.topSessions == 0)
        scan.largestMessages = 0;
    QString problem;
    if (!ok)
        problem = QStringLiteral("--busy-timeout needs a number of milliseconds");
    else if (!okSessions || scan.topSessions < 0 || scan.topSessions > 100000)
        problem = QStringLiteral("--by-session needs a number of sessions (0 to 100000)");
    else if (!okLargest || scan.largestMessages < 0 || scan.largestMessages > 100000)
        problem = QStringLiteral("--largest needs a number of messages (0 to 100000)");
    else if (options.path.isEmpty() || parser.positionalArguments().size() > 1)
        problem = QStringLiteral("give one database PATH (none was found)");
    if (!problem.isEmpty()) {
        printErr(QStringLiteral("kalito-inspector space: %1\n").arg(problem));
        return UsageOrOpenError;
    }
    CliSession session;
    if (!session.open(options))
        return UsageOrOpenError;
    SpaceScanState state = SpaceScan::start(scan);
    state.cancel = session.cancelToken();
    bool said = false;
    // One request a step, as in the window: the connection never holds a snapshot between two.
    while (!state.done) {
        state = session.run([state](Database &db) mutable {
            ++state.steps;
            SpaceScan::step(db, state);
            return state;
        });
        if (!said && state.phase != SpaceScanState::Phase::Start && !state.done) {
            said = true;
            if (state.expectedLongestReadMs() >= SpaceScan::longReadMs)
                printErr(QStringLiteral("kalito-inspector: ") + SpaceText::expectation(state));
        }
    }
    const SpaceReport &r = state.report;
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    else if (!r.cancelled)
        printOut(SpaceText::report(r));
    if (r.cancelled) {
        printErr(QStringLiteral("kalito-inspector space: interrupted\n"));
        return Problem;
    }
    if (r.error.isError()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(r.error.toString()));
        return UsageOrOpenError;
    }
    return Success;
}

} // namespace kalito::cli
