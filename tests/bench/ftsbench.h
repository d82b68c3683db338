#pragma once

#include <QString>

struct Bench;

// Issue 24 part 3: the search index on the benchmark's database (whatever size it is): time to build
// it beside one full LIKE scan of the search runner (goal: within 3x), a search through it (goal:
// under 200 ms) and without it, its size on disk, the estimate shown before a build beside what the
// build took, the longest build step. The index is removed again at the end (the other figures
// search without it). False when a figure could not be measured (said on stderr).
bool addSearchIndexFigures(Bench *bench, const QString &path, const QString &word, int rounds);
