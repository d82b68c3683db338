#pragma once

#include <QStringList>

namespace kalito::cli {

// True when the arguments name a subcommand (or --help / --version): the program then runs
// headless, without a display.
bool isHeadless(const QStringList &arguments);
// True for --help and --version (and -h, -v): run() answers them from constants, so the headless
// executable skips QCoreApplication and the log file for them (start-up, issue 21).
bool isHelpOrVersion(const QStringList &arguments);

// Runs a subcommand. Exit codes: 0 success; 1 the command ran and found a problem or was
// blocked; 2 usage error or the database could not be opened (message on stderr).
int run(const QStringList &arguments);

QString usage();

} // namespace kalito::cli
