#pragma once

#include <QString>

struct Bench;

// Issue 24: `--scale 10m`, the figures that change with the size of the file, on a database of
// 10,000,000 messages (19,800 sessions of 500 and one of 100,000), each through the code that
// measures it at the default scale: the window's first page of sessions cold and warm
// (issue12figures.h); the bytes the window reads from disk in the 60 s after a cold open, as a
// share of the file, and when every exact count is in (WindowBench::readAfterColdOpen); status,
// check --quick and search beside the sqlite3 CLI (sidebyside.h); the conversation on the
// 100,000-message session: open, scroll, cold click (transcriptbench.h); the peak RSS of it all.
// Returns false (after printing why) when a measurement could not be made.
bool addTenMillionFigures(Bench *bench, const QString &inspector, const QString &demoPath,
                          const QString &bigPath, const QString &largeSession, const QString &word,
                          int rounds, int readSeconds);
