#include "cli.h"

#include "checkcommand.h"
#include "checkpointcommand.h"
#include "clioptions.h"
#include "democommand.h"
#include "lockscommand.h"
#include "probecommand.h"
#include "spacecommand.h"
#include "statuscommand.h"

#include <QCoreApplication>

#include <functional>

namespace kalito::cli {

namespace {

struct Subcommand
{
    const char *name;
    const char *synopsis;
    std::function<int(const QStringList &)> run;
    bool hidden = false; // internal: not listed in --help
};

const QList<Subcommand> &subcommands()
{
    static const QList<Subcommand> list = {
        {"status",
         "status [--json] [--read-only] [--busy-timeout MS] [PATH]\n"
         "      connection settings read back, file sizes and table row counts",
         runStatus},
        {"demo",
         "demo PATH [--sessions N] [--messages-per-session M] [--large-session N] [--seed S]\n"
         "      create a new database with the Kalito schema and realistic content",
         runDemo},
        {"checkpoint",
         "checkpoint --mode passive|full|restart|truncate [--json] [--busy-timeout MS] [PATH]\n"
         "      run a WAL checkpoint and report busy, frames, -wal bytes before/after, time",
         runCheckpoint},
        {"check",
         "check [--quick|--full|--foreign-keys] [--per-table] [--json] [PATH]\n"
         "      quick_check, integrity_check or foreign_key_check, one finding per line",
         runCheck},
        {"space",
         "space [--json] [--by-session N] [--largest N] [--busy-timeout MS] [PATH]\n"
         "      where the bytes go: freelist, -wal, every table and index (as sqlite3_analyzer\n"
         "      counts them), the sessions with the most message text; read-only",
         runSpace},
        {"locks",
         "locks [--json] [--probe] [PATH]\n"
         "      processes that have the database open, who holds which lock, and a diagnosis\n"
         "      (opens no SQLite connection)",
         runLocks},
        // Listed for --help only: runLocks hands --watch over to runLocksWatch.
        {"locks --watch",
         "locks --watch [--interval MS] [--duration S] [--jsonl FILE|-] [PATH]\n"
         "      every lock taken or let go over time, with WAL frames; a summary of the\n"
         "      longest holds on Ctrl+C, SIGTERM or after --duration",
         runLocks, false},
        {"probe-files", "probe-files PATH", runProbeFiles, true},
    };
    return list;
}

const Subcommand *find(const QString &name)
{
    for (const Subcommand &c : subcommands()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

} // namespace

QString usage()
{
    QString text =
        QStringLiteral("Usage: kalito-inspector [--read-only] [--busy-timeout MS] [PATH]\n"
                       "       kalito-inspector SUBCOMMAND [OPTIONS] [PATH]\n\n"
                       "Kalito Inspector opens kalito.db, the SQLite database of the Kalito chat backend.\n"
                       "Without a subcommand it opens the window on PATH, or on the database found through\n"
                       "$KALITO_DB, a Kalito checkout above the current folder (backend/db/kalito.db or\n"
                       "db/kalito.db), the last database opened, or else a demo database.\n\n"
                       "Window options:\n"
                       "  --read-only         open read-only; never write\n"
                       "  --busy-timeout MS   wait this long for a locked database (default 5000)\n\n"
                       "Subcommands (headless, no display needed):\n");
    for (const Subcommand &c : subcommands()) {
        if (c.hidden)
            continue;
        text += QStringLiteral("  ") + QString::fromUtf8(c.synopsis) + QLatin1Char('\n');
    }
    text += QStringLiteral("\n  kalito-inspector SUBCOMMAND --help   options of one subcommand\n\n"
                           "Options:\n"
                           "  -h, --help      show this help\n"
                           "  -v, --version   show the version\n\n"
                           "Exit codes: 0 success; 1 the command ran and found a problem or was blocked;\n"
                           "2 usage error or the database could not be opened.\n");
    return text;
}

bool isHelpOrVersion(const QStringList &arguments)
{
    static const QStringList flags = {QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("-v"),
                                      QStringLiteral("--version")};
    return arguments.size() >= 2 && flags.contains(arguments.at(1));
}

bool isHeadless(const QStringList &arguments)
{
    return isHelpOrVersion(arguments) || (arguments.size() >= 2 && find(arguments.at(1)) != nullptr);
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("-h") || first == QLatin1String("--help")) {
        printOut(usage());
        return Success;
    }
    if (first == QLatin1String("-v") || first == QLatin1String("--version")) {
        printOut(QStringLiteral("kalito-inspector %1\n").arg(QCoreApplication::applicationVersion()));
        return Success;
    }
    const Subcommand *command = find(first);
    if (!command) {
        printErr(QStringLiteral("kalito-inspector: unknown subcommand '%1'\n\n").arg(first) + usage());
        return UsageOrOpenError;
    }
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.constFirst() + QLatin1Char(' ') + first);
    return command->run(rest);
}

} // namespace kalito::cli
