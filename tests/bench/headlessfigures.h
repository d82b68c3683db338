#pragma once

#include <QString>

struct Bench;

// Issue 21: the headless executable beside the sqlite3 CLI doing the same work, whole processes,
// interleaved in the same run: --version; status --json on the demo and the big database (the CLI
// counting the same tables); check --quick on both (the CLI's PRAGMA quick_check). With the
// issue's goals. Returns false (after printing why) when a measurement could not be made.
bool addHeadlessFigures(Bench *bench, const QString &inspector, const QString &demoPath,
                        const QString &bigPath, int rounds);
