#pragma once

#include <QString>

// The sqlite3 command-line tool on the same file, for side-by-side figures.
namespace SqliteCli {

struct Timing
{
    double queryMs = -1; // ".timer on" real time of the last statement
    double wallMs = -1;  // the whole process: start, open, query, exit
    QString output;
};

// Runs the statements with .timer on, output of rows discarded.
Timing run(const QString &path, const QString &sql);

} // namespace SqliteCli
