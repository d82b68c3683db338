#pragma once

#include "proberesult.h"

#include <QStringList>

namespace kalito {

// Runs ChildProbe in a child process (`kalito-inspector probe-files PATH`) and parses its JSON.
// The child does the open()/pread()/F_GETLK that this process must not do while it holds a
// connection; from there this process's own locks are visible too (with this process's pid).
class ProbeRunner
{
public:
    // The kalito-inspector binary; by default this very program. Tests point it at the build.
    static void setProgram(const QString &program);
    static QString program();
    static QStringList arguments(const QString &databasePath);

    // Blocking (a few tens of milliseconds); the window uses program()/arguments() with an
    // asynchronous QProcess instead.
    static ProbeResult run(const QString &databasePath, int timeoutMs = 10000);
    // Turns the child's output and exit status into a result (shared with the asynchronous use).
    static ProbeResult fromOutput(const QByteArray &stdoutBytes, const QByteArray &stderrBytes,
                                  bool finished);
};

} // namespace kalito
