#pragma once

#include "benchfigure.h"

#include <QList>
#include <QString>

// Issue 11: the conversation view on the benchmark database's 100,000-message session, measured
// through the product's own classes (offscreen): a TranscriptView opened at the newest message,
// laid out and painted; page after page scrolled down the whole session, each page painted; the
// peak resident memory after that; and a click on the session in a real MainWindow until its
// first page is painted, with the database's pages dropped from the OS cache first (by a child
// process: a descriptor of ours closed on the file would drop our connection's POSIX locks).
namespace TranscriptBench {

QList<BenchFigure> measure(const QString &path, const QString &largeSessionId, int rounds);

} // namespace TranscriptBench
