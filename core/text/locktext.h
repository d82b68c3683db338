#pragma once

#include "lockfinding.h"
#include "walindexheader.h"

#include <QCoreApplication>
#include <QStringList>

namespace kalito {

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
};

} // namespace kalito
