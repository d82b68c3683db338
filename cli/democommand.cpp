#include "democommand.h"

#include "clioptions.h"
#include "demodatabase.h"

namespace kalito::cli {

int runDemo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Number of sessions (default 40)."),
                      QStringLiteral("N"), QStringLiteral("40")});
    parser.addOption({QStringLiteral("messages-per-session"),
                      QStringLiteral("Messages in each session (default 30)."), QStringLiteral("M"),
                      QStringLiteral("30")});
    parser.addOption({QStringLiteral("large-session"),
                      QStringLiteral("Give the first session this many messages instead."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (same seed, same content)."),
                      QStringLiteral("S"), QStringLiteral("20240101")});
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("The database to create (must not exist)."));
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("demo"));
    if (!parsed.run)
        return parsed.exitCode;
    DemoOptions options;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    options.sessions = parser.value(QStringLiteral("sessions")).toInt(&ok1);
    options.messagesPerSession = parser.value(QStringLiteral("messages-per-session")).toInt(&ok2);
    options.largeSessionMessages = parser.value(QStringLiteral("large-session")).toInt(&ok3);
    options.seed = parser.value(QStringLiteral("seed")).toUInt(&ok4);
    if (parser.positionalArguments().size() != 1 || !ok1 || !ok2 || !ok3 || !ok4 || options.sessions < 1 ||
        options.messagesPerSession < 0 || options.largeSessionMessages < 0) {
        printErr(QStringLiteral("kalito-inspector demo: give one PATH and non-negative numbers "
                                "(--sessions at least 1)\n"));
        return UsageOrOpenError;
    }
    options.path = parser.positionalArguments().constFirst();
    const DemoResult r = DemoDatabase::create(options);
    if (r.error.isError()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(r.error.toString()));
        return UsageOrOpenError;
    }
    printOut(QStringLiteral("created %1: %2 sessions, %3 messages, %4 pins, %5 summaries\n")
                 .arg(options.path)
                 .arg(r.sessions)
                 .arg(r.messages)
                 .arg(r.pins)
                 .arg(r.summaries));
    return Success;
}

} // namespace kalito::cli
