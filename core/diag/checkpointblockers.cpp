#include "checkpointblockers.h"

#include "lockgraph.h"
#include "lockholders.h"
#include "lockreport.h"
#include "proberunner.h"

#include <QDateTime>

namespace kalito {

QString CheckpointBlockers::operation(CheckpointMode mode)
{
    return QStringLiteral("checkpoint-") + CheckpointResult::modeName(mode);
}

QList<LockFinding> CheckpointBlockers::of(const QList<LockFinding> &holders, CheckpointMode mode,
                                          qint64 selfPid)
{
    return LockHolders::blocking(holders, operation(mode), selfPid);
}

LockHistory CheckpointBlockers::before(const QString &databasePath)
{
    LockHistory history;
    QList<QString> keys;
    if (LockReport::procLocksUsed()) {
        for (const LockReport::Lock &l : LockReport::procLocks(databasePath))
            keys.append(LockReport::historyKey(l));
    }
    history.observe(keys, QDateTime::currentMSecsSinceEpoch());
    return history;
}

QList<LockFinding> CheckpointBlockers::after(const QString &databasePath, CheckpointMode mode,
                                             LockHistory *history, qint64 selfPid)
{
    LockReport report = LockReport::assemble(databasePath, ProbeRunner::run(databasePath), history, false);
    // The connection that ran the checkpoint knows the database is in WAL mode, even when the
    // probe could not say (its failure leaves the read marks unknown, not the locks).
    report.walMode = true;
    return of(LockHolders::of(LockGraph::build(report, history).findings), mode, selfPid);
}

} // namespace kalito
