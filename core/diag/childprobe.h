#pragma once

#include "proberesult.h"

namespace kalito {

// The work of the hidden `kalito-inspector probe-files PATH` subcommand. It opens the database
// and its -shm, reads their headers with pread() and asks fcntl(F_GETLK) who holds each SQLite
// lock byte. Closing those descriptors drops every POSIX lock THIS process holds on the files,
// so it must only ever run in a process without a SQLite connection: a child process, or a
// command (like `locks`) that opens no connection at all.
class ChildProbe
{
public:
    static ProbeResult probeHere(const QString &databasePath);
};

} // namespace kalito
