#pragma once

#include "benchfigure.h"

#include <QList>
#include <QString>

// How soon a cancel frees the connection: the time goals that tests used to assert (< 1000 ms,
// issue 13) measured here instead, where a busy machine makes a figure worse, not a test red.
// Each is the median of `rounds` cancels of work that would otherwise run for seconds: a runaway
// statement (Connection::interrupt), RESTART waiting on a reader (CheckpointRunner), integrity_check
// of the whole file and table by table (IntegrityCheck), and one search chunk over every message
// (SearchRunner), the last three on the benchmark's big database. scratchDir holds a small database
// for the checkpoint (a sqlite3 process pins a snapshot in it).
QList<BenchFigure> measureCancelLatency(const QString &bigPath, const QString &scratchDir, int rounds = 3);
