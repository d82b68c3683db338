#pragma once

#include "filesizes.h"
#include "lockfinding.h"
#include "walreaders.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace kalito::ui {

// One look at a database's health, as the health strip shows it: sizes from stat(), readers from
// /proc/locks (or the probe), the WAL-index from the last child probe, and the trend's verdicts.
struct HealthSample
{
    qint64 atMs = 0;
    FileSizes sizes;

    bool walIndexKnown = false; // a probe answered with a valid, live WAL-index
    bool walMode = true;        // false: rollback journal, no WAL-index at all
    QString walIndexProblem;    // why the WAL-index is not known (probe error, stale, unreadable)
    quint32 mxFrame = 0;
    quint32 nBackfill = 0;
    quint32 backlog = 0;
    qint64 probeAtMs = 0; // when the WAL-index figures were read

    QList<QPair<WalReader, qint64>> readers; // longest-held first, with ms seen holding
    // Who holds what, as the Locks tab says it (LockReport::holders() of the same kind of report):
    // writers, checkpointers, readers (read slot 0 included); known once a probe has answered.
    QList<LockFinding> holders;
    bool holdersKnown = false;
    qint64 selfPid = 0;

    bool walGrowing = false;
    bool backlogGrowing = false;
    bool readerPinsTooLong = false;
    bool warning() const { return walGrowing || backlogGrowing || readerPinsTooLong; }
};

} // namespace kalito::ui
Q_DECLARE_METATYPE(kalito::ui::HealthSample)
