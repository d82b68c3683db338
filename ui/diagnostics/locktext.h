#pragma once

#include "lockfinding.h"
#include "walindexheader.h"

#include <QCoreApplication>
#include <QStringList>

namespace kalito::ui {

// A lock diagnosis in the person's language (tr()): the findings core makes (LockDiagnosis),
// said as LockWords says them in English for the command line.
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
};

} // namespace kalito::ui
