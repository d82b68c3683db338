#pragma once

#include "benchfigure.h"

#include <QList>
#include <QString>

// Issue 23: `kalito-inspector space` beside `sqlite3_analyzer` on the same file, in the same run,
// interleaved: wall time and peak RSS of each whole process, and the longest single read step of
// ours (the longest read snapshot it held).
QList<BenchFigure> measureSpaceReport(const QString &inspector, const QString &path, int rounds);
