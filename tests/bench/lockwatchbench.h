#pragma once

#include "benchfigure.h"

#include <QList>

// What `kalito-inspector locks --watch` costs and what it catches (issue 10): its CPU as a share
// of one core while it samples every 50 ms (goal < 2 %), and the shortest write-lock hold it
// catches every time at the default interval, against holds a sqlite3 process makes.
// cpuSeconds: how long the CPU is measured; holdsEach: holds per length (10/20/50/100 ms).
QList<BenchFigure> measureLockWatch(const QString &inspector, int cpuSeconds, int holdsEach);
