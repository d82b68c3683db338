#pragma once

#include "proberesult.h"

namespace kalito {

// ChildProbe in a fork() of this process instead of a second program (`probe-files`): the same
// look from outside (a process without any SQLite connection: it may open and close the files,
// and from there this process's own locks are visible with this process's pid), for a fraction
// of the cost (no exec, no dynamic linking, no Qt start-up; issue 21). The forked child runs only
// ChildProbe::probeHere, writes its JSON into a pipe and _exit()s; it never calls SQLite.
// Fork only from a thread that owns the process at that moment: no other thread of ours may be
// inside a lock the child would need (`status` forks between requests, its worker idle).
class ForkedProbe
{
public:
    // Same result as ProbeRunner::run (parsed by ProbeRunner::fromOutput); an error result when
    // fork() fails or the child does not finish within timeoutMs.
    static ProbeResult run(const QString &databasePath, int timeoutMs = 10000);
};

} // namespace kalito
