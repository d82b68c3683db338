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
    const QString db = QStringLiteral("db");
    bool any = false;
    for (qint64 pid : pidsOf(r)) {
        const QString who = r.displayName(pid);
        if (held(r, pid, "db", "exclusive", true)) {
            sentences.append(
                QStringLiteral("%1 holds an EXCLUSIVE lock%2 on the database file: it is writing to the "
                               "database file (or keeps the lock in locking_mode=EXCLUSIVE); every other "
                               "connection's reads and writes %3 until it commits or closes.")
                    .arg(who, seen(history, pid, "db", QStringLiteral("exclusive")), busy()));
            addEdges(pid, db, QStringLiteral("exclusive"),
                     {QStringLiteral("read"), QStringLiteral("begin-immediate"), QStringLiteral("write")});
        } else if (held(r, pid, "db", "pending", true)) {
            QStringList waits;
            for (qint64 reader : std::as_const(readers)) {
                if (reader != pid) {
                    waits.append(r.displayName(reader));
                    addEdge({reader, db, QStringLiteral("shared"), QStringLiteral("commit"), pid});
                }
            }
            sentences.append(
                QStringLiteral("%1 holds PENDING%2: it is committing and waits for %3 to finish reading; new "
                               "readers and writers %4 until it has committed.")
                    .arg(who, seen(history, pid, "db", QStringLiteral("pending")),
                         waits.isEmpty() ? QStringLiteral("the readers") : joinNames(waits), busy()));
            addEdges(pid, db, QStringLiteral("pending"),
                     {QStringLiteral("read"), QStringLiteral("begin-immediate"), QStringLiteral("write")});
        } else if (held(r, pid, "db", "reserved", true)) {
            sentences.append(
                QStringLiteral(
                    "%1 holds RESERVED%2: it has started a write transaction; other connections' "
                    "BEGIN IMMEDIATE and writes %3 (a transaction that already read fails at once); "
                    "readers go on until it commits.")
                    .arg(who, seen(history, pid, "db", QStringLiteral("reserved")), busy()));
            addEdges(pid, db, QStringLiteral("reserved"),
                     {QStringLiteral("begin-immediate"), QStringLiteral("write")});
        } else if (held(r, pid, "db", "shared", false)) {
            QStringList waiting, later;
            for (qint64 c : std::as_const(committers)) {
                if (c != pid)
                    (held(r, c, "db", "pending", true) ? waiting : later).append(r.displayName(c));
            }
            QString tail;
            if (!waiting.isEmpty())
                tail = QStringLiteral("; %1 waits for it").arg(joinNames(waiting));
            else if (!later.isEmpty())
                tail = QStringLiteral("; the commit of %1 will wait for it").arg(joinNames(later));
            sentences.append(
                QStringLiteral("%1 holds SHARED%2 (it is reading): no writer can commit until it finishes%3.")
                    .arg(who, seen(history, pid, "db", QStringLiteral("shared")), tail));
            if (waiting.isEmpty())
                addEdges(pid, db, QStringLiteral("shared"), {QStringLiteral("commit")});
        } else {
            continue;
        }
        any = true;
    }
    if (!any)
        sentences.append(QStringLiteral("No process holds a lock on the database file right now."));
}

} // namespace kalito
