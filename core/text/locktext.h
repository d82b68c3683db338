#pragma once

#include "lockfinding.h"
#include "walindexheader.h"

#include <QCoreApplication>
#include <QStringList>

namespace kalito {

struct WalState;

// A lock diagnosis in words: the findings core makes (LockGraph, LockDiagnosis), said once for the
// Locks panel (the person's language) and for `locks` and `locks --json` (English: the command line
// installs no catalogue).
class LockText
{
    Q_DECLARE_TR_FUNCTIONS(LockText)
public:
    static QString describe(const LockFinding &f);
    static QStringList describe(const QList<LockFinding> &findings);
    static QString holder(const LockHolder &h);
    static QString seen(qint64 heldForMs);
    static QString joinNames(const QStringList &parts);
    // Why a WAL-index header cannot be used (WalIndexHeader::problem() in the person's language).
    static QString walIndexProblem(const WalIndexHeader &header);
    // The -shm is open in no process (`status`).
    static QString staleShm();
    // Why `status`'s WAL numbers are missing or not to be trusted (WalState::problem); empty if none.
    static QString walProblem(const WalState &state);

    // The short forms (the health strip, a checkpoint's "blocked by", the question before FULL,
    // RESTART and TRUNCATE): the same facts as describe(), fewer words.
    // "pid 4242 (node …/server.js)", "this inspector (pid 4242)", "pid 4242".
    static QString shortHolder(const LockHolder &h);
    // "node …/server.js" from "node /srv/kalito/backend/server.js --port 3000".
    static QString shortCommand(const QString &commandLine);
    // What it holds: "holds the write lock", "holds a read snapshot (read slot 0)", ...
    static QString holds(const LockFinding &f);
    // shortHolder + holds: "pid 4242 (node …/server.js) holds the write lock"; without the
    // command ("pid 4242 holds the write lock") where room is short (the health strip's figure).
    static QString brief(const LockFinding &f, bool withCommand = true);
    // "pid 4242", or "this inspector".
    static QString pidOnly(const LockHolder &h);
    // The health strip's holders figure: writers, checkpointers and other holders by brief(),
    // then the readers ("1 reader: pid 17 (12 s)", "no readers"); pids only: the tooltip has the rest.
    static QString holdersLine(const QList<LockFinding> &holders);
    // Its tooltip: every holder's full sentence, as the Locks tab says it.
    static QString holdersToolTip(const QList<LockFinding> &holders);
};

} // namespace kalito
