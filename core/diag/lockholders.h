#pragma once

#include "lockfinding.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kalito {

struct LockReport;
struct LockEdge;

// The findings of a lock diagnosis that name a process holding a lock, and the one way they are
// written as JSON: `locks --json` ("holders"), `status --json` ("holders") and `checkpoint --json`
// ("blocked_by") all use toJson(), so a script reads the same fields whichever door it opened.
class LockHolders
{
public:
    // "writing", "reader-slot0", ...: the kind as --json says it (never translated).
    static QString kindName(LockFinding::Kind kind);
    // The finding names a process and the lock it holds (not a note about the WAL or the source).
    static bool namesProcess(LockFinding::Kind kind);
    static bool isReader(LockFinding::Kind kind);
    // The file and lock a finding of this kind is about (slot: the reader's read slot).
    static void lockOf(LockFinding *finding);
    // Fills file, lock and blocks of every finding that names a process, from the graph's edges.
    static void attachEdges(QList<LockFinding> *findings, const QList<LockEdge> &edges);

    static QList<LockFinding> of(const QList<LockFinding> &findings);
    static QList<LockFinding> of(const LockReport &report);
    // The holders whose lock keeps `operation` (an edge operation: checkpoint-full, write, ...)
    // from going on, the holder selfPid excepted.
    static QList<LockFinding> blocking(const QList<LockFinding> &holders, const QString &operation,
                                       qint64 selfPid = 0);
    // Writers and checkpointers first, then readers, the longest seen first.
    static void sort(QList<LockFinding> *holders);

    // pid, cmdline, user, known, file, lock, mode, kind, blocks, held_for_ms (null: seen just
    // now), sentence (LockText: English on the command line).
    static QJsonObject toJson(const LockFinding &holder);
    static QJsonArray toJson(const QList<LockFinding> &holders);
};

} // namespace kalito
