#pragma once

#include <QStringList>

namespace kalito::cli {

// kalito-inspector locks --watch [--interval MS] [--duration S] [--jsonl FILE|-] PATH: samples
// /proc/locks and the WAL-index header and reports every lock taken or let go, until SIGINT,
// SIGTERM or the duration ends, then the longest holds. Opens no SQLite connection (it reads the
// -shm itself, which a process holding a connection must never do).
int runLocksWatch(const QStringList &arguments);

// The default sampling interval. A hold of H ms is caught when some sample falls inside it,
// i.e. when the gap between two samples stays under H. With 40 ms, a 100 ms hold of the write
// lock is caught even when a sample comes up to 60 ms late (a loaded machine, a slow /proc read),
// at a cost the benchmark measures (well under 2 % of one core at 50 ms).
constexpr int kDefaultWatchIntervalMs = 40;

} // namespace kalito::cli
