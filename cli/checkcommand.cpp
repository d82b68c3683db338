#include "checkcommand.h"

#include "clioptions.h"
#include "clisession.h"
#include "integritycheck.h"

#include <QJsonDocument>

namespace kalito::cli {

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    addDatabaseOptions(parser);
    parser.addOption(
        {QStringLiteral("quick"), QStringLiteral("PRAGMA quick_check: fast, skips index contents.")});
    parser.addOption({QStringLiteral("full"), QStringLiteral("PRAGMA integrity_check (the default).")});
    parser.addOption({QStringLiteral("foreign-keys"), QStringLiteral("PRAGMA foreign_key_check.")});
    parser.addOption(
        {QStringLiteral("per-table"),
         QStringLiteral("Check table by table, with progress on stderr (skips the whole-file page "
                        "accounting).")});
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("check"));
    if (!parsed.run)
        return parsed.exitCode;
    const int chosen = int(parser.isSet(QStringLiteral("quick"))) +
                       int(parser.isSet(QStringLiteral("full"))) +
                       int(parser.isSet(QStringLiteral("foreign-keys")));
    const IntegrityKind kind = parser.isSet(QStringLiteral("quick"))          ? IntegrityKind::Quick
                               : parser.isSet(QStringLiteral("foreign-keys")) ? IntegrityKind::ForeignKeys
                                                                              : IntegrityKind::Full;
    bool ok = false;
    OpenOptions options;
    options.busyTimeoutMs = busyTimeout(parser, &ok);
    options.readOnly = parser.isSet(QStringLiteral("read-only"));
    options.path = databasePath(parser);
    QString problem;
    if (chosen > 1)
        problem = QStringLiteral("choose one of --quick, --full and --foreign-keys");
    else if (!ok)
        problem = QStringLiteral("--busy-timeout needs a number of milliseconds");
    else if (options.path.isEmpty() || parser.positionalArguments().size() > 1)
        problem = QStringLiteral("give one database PATH (none was found)");
    if (!problem.isEmpty()) {
        printErr(QStringLiteral("kalito-inspector check: %1\n").arg(problem));
        return UsageOrOpenError;
    }
    CliSession session;
    if (!session.open(options))
        return UsageOrOpenError;
    const bool perTable = parser.isSet(QStringLiteral("per-table"));
    const CancelToken cancel = session.cancelToken();
    const IntegrityResult r = session.run([kind, perTable, cancel](Database &db) {
        return IntegrityCheck::run(db, kind, perTable, cancel, [](int done, int total, const QString &table) {
            if (!table.isEmpty())
                printErr(QStringLiteral("checking %1 (%2/%3)\n").arg(table).arg(done + 1).arg(total));
        });
    });
    if (parser.isSet(QStringLiteral("json")))
        printOut(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)) +
                 QLatin1Char('\n'));
    else
        printOut(r.toText());
    if (r.error.isError() && !r.cancelled) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(r.error.toString()));
        return UsageOrOpenError;
    }
    return r.clean ? Success : Problem;
}

} // namespace kalito::cli
