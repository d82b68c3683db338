#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace kalito::cli {

// Exit codes shared by every subcommand.
enum ExitCode { Success = 0, Problem = 1, UsageOrOpenError = 2 };

// Options common to the subcommands that open a database.
void addDatabaseOptions(QCommandLineParser &parser, bool readOnlyOption = true);
// Parses; on a usage error prints it to stderr and returns false.
bool parseOrComplain(QCommandLineParser &parser, const QStringList &arguments, const QString &command);
// The single database path (positional), or the resolution chain when it is missing.
QString databasePath(const QCommandLineParser &parser);
int busyTimeout(const QCommandLineParser &parser, bool *ok);

void printOut(const QString &text);
void printErr(const QString &text);

} // namespace kalito::cli
