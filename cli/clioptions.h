#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace kalito::cli {

// Exit codes shared by every subcommand.
enum ExitCode { Success = 0, Problem = 1, UsageOrOpenError = 2 };

// Options common to the subcommands that open a database.
void addDatabaseOptions(QCommandLineParser &parser, bool readOnlyOption = true);
// What parsing a subcommand's arguments came to: run it, or stop with an exit code (after --help,
// or a usage error already printed to stderr). Nothing here exits: the caller returns the code.
struct ParseResult
{
    bool run = false;
    int exitCode = Success; // when !run
};
// Parses; prints --help to stdout, a usage error to stderr.
ParseResult parseOrComplain(QCommandLineParser &parser, const QStringList &arguments, const QString &command);
// The single database path (positional), or the resolution chain when it is missing.
QString databasePath(const QCommandLineParser &parser);
int busyTimeout(const QCommandLineParser &parser, bool *ok);

void printOut(const QString &text);
void printErr(const QString &text);

} // namespace kalito::cli
