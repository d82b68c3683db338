#pragma once

#include "benchfigure.h"

#include <QList>
#include <QString>

// How long a request the person waits for (a page of sessions) waits on the one connection while
// the background work of an open runs: the stepped counts of every Kalito table and a session's
// pins scan, against the same work as single statements (before issue 12).
// Warm and cold (the files dropped from the OS cache first), stepped and as single statements.
QList<BenchFigure> measurePriorityWait(const QString &path);
BenchFigure measurePriorityWait(const QString &path, bool cold, bool steppedWork);
