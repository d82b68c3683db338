#include "lockgraph.h"

#include "lockreport.h"

namespace kalito {

// The rollback-journal rows of docs/locks.md (rollback-shared, -reserved, -pending, -exclusive).
void LockGraph::buildRollback(const LockReport &r, const LockHistory *history)
{
    // One sentence per process, for its strongest lock (unixLock(): EXCLUSIVE passes through
    // RESERVED and PENDING, and all three stay until the commit).
    QList<qint64> readers, committers;
    for (const LockReport::Lock &l : r.locks) {
        if (l.file != QLatin1String("db"))
            continue;
        if (l.lock == QLatin1String("shared") && !l.write && !readers.contains(l.pid))
            readers.append(l.pid);
        if ((l.lock == QLatin1String("pending") || l.lock == QLatin1String("reserved")) && l.write &&
            !committers.contains(l.pid))
            committers.append(l.pid);
    }
    using K = LockFinding::Kind;
    const QString db = QStringLiteral("db");
    bool any = false;
    for (qint64 pid : pidsOf(r)) {
        if (held(r, pid, "db", "exclusive", true)) {
            add(finding(K::RollbackExclusive, r, pid,
                        heldFor(history, pid, "db", QStringLiteral("exclusive"))));
            addEdges(pid, db, QStringLiteral("exclusive"),
                     {QStringLiteral("read"), QStringLiteral("begin-immediate"), QStringLiteral("write")});
        } else if (held(r, pid, "db", "pending", true)) {
            LockFinding f =
                finding(K::RollbackPending, r, pid, heldFor(history, pid, "db", QStringLiteral("pending")));
            for (qint64 reader : std::as_const(readers)) {
                if (reader != pid) {
                    f.others.append(r.holder(reader));
                    addEdge({reader, db, QStringLiteral("shared"), QStringLiteral("commit"), pid});
                }
            }
            add(f);
            addEdges(pid, db, QStringLiteral("pending"),
                     {QStringLiteral("read"), QStringLiteral("begin-immediate"), QStringLiteral("write")});
        } else if (held(r, pid, "db", "reserved", true)) {
            add(finding(K::RollbackReserved, r, pid,
                        heldFor(history, pid, "db", QStringLiteral("reserved"))));
            addEdges(pid, db, QStringLiteral("reserved"),
                     {QStringLiteral("begin-immediate"), QStringLiteral("write")});
        } else if (held(r, pid, "db", "shared", false)) {
            LockFinding f =
                finding(K::RollbackShared, r, pid, heldFor(history, pid, "db", QStringLiteral("shared")));
            QList<LockHolder> waiting, later;
            for (qint64 c : std::as_const(committers)) {
                if (c != pid)
                    (held(r, c, "db", "pending", true) ? waiting : later).append(r.holder(c));
            }
            f.othersWaiting = !waiting.isEmpty();
            f.others = f.othersWaiting ? waiting : later;
            add(f);
            if (waiting.isEmpty())
                addEdges(pid, db, QStringLiteral("shared"), {QStringLiteral("commit")});
        } else {
            continue;
        }
        any = true;
    }
    if (!any) {
        LockFinding f;
        f.kind = K::RollbackIdle;
        add(f);
    }
}

} // namespace kalito
