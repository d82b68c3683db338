#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The inspector beside the sqlite3 CLI doing the same work, measured in the same run and
// interleaved (the machine is shared: one side must not get a quiet minute the other did not).
namespace SideBySide {

struct Pair
{
    QString error;
    QList<double> ours, cli; // ms
    QString detail;          // what was compared (hits, tables...)
    double oursMedian() const;
    double cliMedian() const;
    double ratio() const;
};

// Wall time of a whole process, start to exit, its output discarded; < 0 if it failed.
double processMs(const QString &program, const QStringList &arguments, QByteArray *output = nullptr);

// `kalito-inspector --version` against `sqlite3 --version`, whole processes.
Pair version(const QString &inspector, int rounds);
// `kalito-inspector status --json PATH` against `sqlite3 PATH` counting the same tables (those
// that status counted), whole processes.
Pair status(const QString &inspector, const QString &path, int rounds);
// `kalito-inspector check --quick PATH` against `sqlite3 PATH 'PRAGMA quick_check;'`, whole processes.
Pair quickCheck(const QString &inspector, const QString &path, int rounds);
// The window's search (SearchRunner through a Connection, from start() to finished()) against
// the sqlite3 CLI running the same LIKE over all messages: ours against the CLI's whole process.
Pair search(const QString &path, const QString &word, int rounds);

} // namespace SideBySide
