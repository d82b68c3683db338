#pragma once

#include <QString>

struct Bench;

// The figures of issue 12: the window's own first open, cold and warm, on the demo and the big
// database, with the longest GUI stall; status, check --quick and search beside the sqlite3 CLI.
// Both return false (after printing why) when a measurement could not be made.
bool addWindowFigures(Bench *bench, const QString &demoPath, const QString &bigPath, int rounds);
bool addSideBySideFigures(Bench *bench, const QString &inspector, const QString &demoPath,
                          const QString &bigPath, const QString &word, int rounds);
