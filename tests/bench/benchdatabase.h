#pragma once

#include <QString>

// The cached benchmark databases. Generation runs in a child process (this executable with
// --generate) so that its memory never counts in the benchmark's peak RSS.
namespace BenchDatabase {

struct Spec
{
    QString path;
    int sessions = 0;
    int messagesPerSession = 0;
    int largeSessionMessages = 0;
};

// Creates the database unless a complete one is cached; returns an error message or empty.
QString ensure(const Spec &spec, const QString &program);
// The child's side of --generate.
int generate(const Spec &spec);

} // namespace BenchDatabase
