#include "lockgraph.h"

#include "lockhistory.h"
#include "locknames.h"
#include "lockreport.h"

namespace kalito {

// Each rule below is one row of docs/locks.md; the SQLite function it comes from is named there.
namespace {

const QString kBusyText =
    QStringLiteral("fail with SQLITE_BUSY (\"database is locked\") after their busy timeout");
const QStringList kAllCheckpoints = {QStringLiteral("checkpoint-passive"), QStringLiteral("checkpoint-full"),
                                     QStringLiteral("checkpoint-restart"),
                                     QStringLiteral("checkpoint-truncate")};

} // namespace

bool LockGraph::held(const LockReport &r, qint64 pid, const char *file, const QString &lock, bool write)
{
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid == pid && l.file == QLatin1String(file) && l.lock == lock && l.write == write)
            return true;
    }
    return false;
}

bool LockGraph::held(const LockReport &r, qint64 pid, const char *file, const char *lock, bool write)
{
    return held(r, pid, file, QString::fromLatin1(lock), write);
}

bool LockGraph::holdsAny(const LockReport &r, qint64 pid, const char *file)
{
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid == pid && l.file == QLatin1String(file))
            return true;
    }
    return false;
}

// " (seen held for 12 s)" from the history of earlier looks; one look alone cannot say more.
QString LockGraph::seen(const LockHistory *history, qint64 pid, const char *file, const QString &lock)
{
    const qint64 ms =
        history ? history->heldForMs(LockHistory::key(pid, QString::fromLatin1(file), lock)) : -1;
    return ms >= 1000 ? QStringLiteral(" (seen held for %1 s)").arg(ms / 1000)
                      : QStringLiteral(" (seen just now)");
}

QList<qint64> LockGraph::pidsOf(const LockReport &r)
{
    QList<qint64> pids;
    for (const LockReport::Lock &l : r.locks) {
        if (!pids.contains(l.pid))
            pids.append(l.pid);
    }
    return pids;
}

QString LockGraph::joinNames(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.join(QString());
    return QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           parts.constLast();
}

QString LockGraph::busy()
{
    return kBusyText;
}

QJsonObject LockEdge::toJson() const
{
    QJsonObject o{{QStringLiteral("holder"), holder},
                  {QStringLiteral("file"), file},
                  {QStringLiteral("lock"), lock},
                  {QStringLiteral("operation"), operation}};
    if (blockedPid != 0)
        o.insert(QStringLiteral("blocked_pid"), blockedPid);
    return o;
}

void LockGraph::addEdge(const LockEdge &e)
{
    if (!edges.contains(e))
        edges.append(e);
}

void LockGraph::addEdges(qint64 holder, const QString &file, const QString &lock,
                         const QStringList &operations)
{
    for (const QString &op : operations)
        addEdge({holder, file, lock, op, 0});
}

LockGraph LockGraph::build(const LockReport &report, const LockHistory *history)
{
    LockGraph g;
    if (report.walMode)
        g.buildWal(report, history);
    else
        g.buildRollback(report, history);
    return g;
}

void LockGraph::buildWal(const LockReport &r, const LockHistory *history)
{
    const WalIndexHeader shm = r.probe.shm();
    const bool header = !r.shmStale && shm.isValid();
    if (r.shmStale) {
        sentences.append(QStringLiteral(
            "No process holds the DMS lock of the -shm: the -shm is stale (left by a process that ended or "
            "crashed, or not used by a connection in locking_mode=EXCLUSIVE); its frame counts are not "
            "trusted and the next connection that uses it rebuilds it from the -wal (recovery)."));
    } else if (r.probe.shmExists && !shm.isValid()) {
        sentences.append(
            QStringLiteral("The WAL-index could not be read consistently: %1.").arg(shm.problem()));
    }
    bool active = false;
    for (qint64 pid : pidsOf(r)) {
        const QString who = r.displayName(pid);
        if (held(r, pid, "db", "exclusive", true)) {
            walExclusive(r, history, pid);
            active = true;
            continue;
        }
        if (held(r, pid, "shm", "recover", true)) {
            active = true;
            sentences.append(
                QStringLiteral("%1 holds the RECOVER lock%2: it is rebuilding the WAL-index from the -wal "
                               "(recovery after a crash or a stale -shm); new read transactions wait and %3 "
                               "(SQLITE_BUSY_RECOVERY), and so do writes and checkpoints. Recovery ends by "
                               "itself; if it never does, that process is stuck.")
                    .arg(who, seen(history, pid, "shm", QStringLiteral("recover")), busy()));
            addEdges(pid, QStringLiteral("shm"), QStringLiteral("recover"),
                     QStringList{QStringLiteral("read"), QStringLiteral("begin-immediate"),
                                 QStringLiteral("write")} +
                         kAllCheckpoints);
            continue;
        }
        const bool write = held(r, pid, "shm", "wal-write", true);
        if (held(r, pid, "shm", "checkpoint", true)) {
            walCheckpointer(r, history, pid, write);
            active = true;
        } else if (write) {
            active = true;
            sentences.append(
                QStringLiteral(
                    "%1 holds the WAL write lock%2: it is in a write transaction; other connections' "
                    "BEGIN IMMEDIATE and writes wait for it and %3 (a transaction that already read "
                    "fails at once), and so do FULL, RESTART and TRUNCATE checkpoints; readers and "
                    "PASSIVE checkpoints go on. It ends with that process's COMMIT or ROLLBACK.")
                    .arg(who, seen(history, pid, "shm", QStringLiteral("wal-write")), busy()));
            addEdges(pid, QStringLiteral("shm"), QStringLiteral("wal-write"),
                     {QStringLiteral("begin-immediate"), QStringLiteral("write"),
                      QStringLiteral("checkpoint-full"), QStringLiteral("checkpoint-restart"),
                      QStringLiteral("checkpoint-truncate")});
        }
        if (held(r, pid, "shm", "dms", true)) {
            active = true;
            sentences.append(
                QStringLiteral(
                    "%1 holds the DMS lock of the -shm exclusively%2: it is the first connection and "
                    "is resetting the -shm; other connections opening the database retry meanwhile.")
                    .arg(who, seen(history, pid, "shm", QStringLiteral("dms"))));
            addEdges(pid, QStringLiteral("shm"), QStringLiteral("dms"), {QStringLiteral("open")});
        }
        for (int slot = 0; slot <= 4; ++slot) {
            if (!held(r, pid, "shm", QStringLiteral("read%1").arg(slot), false))
                continue;
            // A writer reads at the latest frame: its write sentence says all there is to say.
            const bool latest =
                header && (slot == 0 ? shm.backlog() == 0 : shm.readMarks.at(size_t(slot)) >= shm.mxFrame);
            if (write && latest)
                continue;
            walReader(r, history, pid, slot);
            active = true;
        }
    }
    if (header) {
        if (shm.mxFrame == 0) {
            sentences.append(QStringLiteral("The WAL holds no frames: everything is in the database file."));
        } else {
            const qint64 pageBytes = qint64(shm.pageSize) + 24;
            sentences.append(
                QStringLiteral("The WAL holds %1 frames, %2 of them already copied into the database: a "
                               "backlog of %3 frames (about %4 KiB).")
                    .arg(shm.mxFrame)
                    .arg(shm.nBackfill)
                    .arg(shm.backlog())
                    .arg(qint64(shm.backlog()) * pageBytes / 1024));
        }
    }
    if (!active && !r.shmStale)
        sentences.append(
            QStringLiteral("No process is writing, checkpointing or holding a read snapshot right now."));
}

void LockGraph::walExclusive(const LockReport &r, const LockHistory *history, qint64 pid)
{
    const bool shmLocks = holdsAny(r, pid, "shm");
    sentences.append(
        QStringLiteral("%1 holds an EXCLUSIVE lock on the database file%2 in WAL mode: it uses "
                       "locking_mode=EXCLUSIVE%3 (or it is the last connection closing and checkpointing); "
                       "every other connection's reads, writes and checkpoints %4, until it closes its "
                       "connection or sets locking_mode=NORMAL.")
            .arg(r.displayName(pid), seen(history, pid, "db", QStringLiteral("exclusive")),
                 shmLocks ? QString()
                          : QStringLiteral(" and keeps the WAL-index in its own memory (no -shm locks)"),
                 busy()));
    addEdges(pid, QStringLiteral("db"), QStringLiteral("exclusive"),
             QStringList{QStringLiteral("read"), QStringLiteral("begin-immediate"), QStringLiteral("write")} +
                 kAllCheckpoints);
}

void LockGraph::walCheckpointer(const LockReport &r, const LockHistory *history, qint64 pid, bool holdsWrite)
{
    const QString who = r.displayName(pid);
    const QString since = seen(history, pid, "shm", QStringLiteral("checkpoint"));
    if (!holdsWrite) {
        // Either PASSIVE copying, or FULL/RESTART/TRUNCATE in walBusyLock() for the write lock.
        QString writer;
        for (const LockReport::Lock &l : r.locks) {
            if (l.pid != pid && l.file == QLatin1String("shm") && l.lock == QLatin1String("wal-write") &&
                l.write)
                writer = QStringLiteral(", held by %1").arg(r.displayName(l.pid));
        }
        sentences.append(
            QStringLiteral(
                "%1 holds the checkpoint lock%2: a checkpoint is copying WAL frames into the "
                "database (a PASSIVE one, or a FULL, RESTART or TRUNCATE one still waiting for the "
                "write lock%3); another checkpoint fails at once with SQLITE_BUSY, without waiting.")
                .arg(who, since, writer));
        addEdges(pid, QStringLiteral("shm"), QStringLiteral("checkpoint"), kAllCheckpoints);
        return;
    }
    // walCheckpoint(): FULL and up wait (busy handler) on READ_LOCK(i) for every reader whose mark
    // is below mxFrame and on READ_LOCK(0) while frames are left to copy; RESTART and TRUNCATE then
    // wait on READ_LOCK(1..4) for every reader of the WAL.
    const WalIndexHeader shm = r.probe.shm();
    const bool header = !r.shmStale && shm.isValid();
    QStringList waits, restartOnly;
    for (const LockReport::Lock &l : r.locks) {
        const int slot = LockNames::readSlot(l.lock);
        if (l.pid == pid || l.file != QLatin1String("shm") || l.write || slot < 0)
            continue;
        const quint32 mark = header ? shm.readMarks.at(size_t(slot)) : WalIndexHeader::kUnusedMark;
        const QString name = r.displayName(l.pid);
        if (slot == 0 && (!header || shm.backlog() > 0)) {
            waits.append(QStringLiteral("%1 on read slot 0").arg(name));
        } else if (slot > 0 && header && mark < shm.mxFrame) {
            waits.append(QStringLiteral("%1 (a snapshot at frame %2 of %3, read slot %4)")
                             .arg(name)
                             .arg(mark)
                             .arg(shm.mxFrame)
                             .arg(slot));
        } else if (slot > 0) {
            restartOnly.append(QStringLiteral("%1 on read slot %2").arg(name).arg(slot));
            continue;
        } else {
            continue;
        }
        addEdge({l.pid, l.file, l.lock, QStringLiteral("checkpoint"), pid});
    }
    QString sentence =
        QStringLiteral("%1 holds the checkpoint and write locks%2: it is running a FULL, RESTART or TRUNCATE "
                       "checkpoint; other connections' BEGIN IMMEDIATE and writes wait for it and %3, and "
                       "another checkpoint fails at once with SQLITE_BUSY.")
            .arg(who, since, busy());
    if (!waits.isEmpty())
        sentence += QStringLiteral(" It waits for the readers %1 to end their read transactions.")
                        .arg(joinNames(waits));
    if (!restartOnly.isEmpty())
        sentence +=
            QStringLiteral(" If it is a RESTART or TRUNCATE checkpoint, it also waits for %1 (reading "
                           "at the latest frame).")
                .arg(joinNames(restartOnly));
    if (waits.isEmpty() && restartOnly.isEmpty())
        sentence += QStringLiteral(" No reader seen holds it back.");
    sentences.append(sentence);
    addEdges(pid, QStringLiteral("shm"), QStringLiteral("wal-write"),
             {QStringLiteral("begin-immediate"), QStringLiteral("write")});
    addEdges(pid, QStringLiteral("shm"), QStringLiteral("checkpoint"), kAllCheckpoints);
}

void LockGraph::walReader(const LockReport &r, const LockHistory *history, qint64 pid, int slot)
{
    const WalIndexHeader shm = r.probe.shm();
    const bool header = !r.shmStale && shm.isValid();
    const QString lock = QStringLiteral("read%1").arg(slot);
    const QString who = r.displayName(pid);
    const QString since = seen(history, pid, "shm", lock);
    QList<qint64> checkpointers;
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid != pid && l.lock == QLatin1String("checkpoint") && l.write &&
            held(r, l.pid, "shm", "wal-write", true))
            checkpointers.append(l.pid);
    }
    const QString end = QStringLiteral(" It lasts until that process ends its read transaction (finishes or "
                                       "resets its statement, or commits).");
    if (slot == 0) {
        // walTryBeginRead(): read slot 0 is taken only when nBackfill == mxFrame, and the snapshot
        // reads the database file alone; walCheckpoint() must lock READ_LOCK(0) to copy anything.
        if (header && shm.backlog() == 0) {
            sentences.append(
                QStringLiteral(
                    "%1 holds a read snapshot on read slot 0%2: it reads only the database file "
                    "(the WAL was fully checkpointed when it began). Nothing waits to be copied now, "
                    "but no checkpoint can copy any frame written from now on while it lasts.")
                    .arg(who, since) +
                end);
            return;
        }
        sentences.append(
            QStringLiteral("%1 holds a read snapshot on read slot 0%2: it began when the WAL was fully "
                           "checkpointed and reads only the database file, so no checkpoint can copy any "
                           "frame while it lasts%3; PASSIVE checkpoints copy nothing, FULL, RESTART and "
                           "TRUNCATE checkpoints wait for it and %4, and the -wal keeps growing. Writers "
                           "and other readers go on.")
                .arg(who, since,
                     header ? QStringLiteral(" (%1 frames wait to be copied)").arg(shm.backlog()) : QString(),
                     busy()) +
            end);
        addEdges(pid, QStringLiteral("shm"), lock, kAllCheckpoints);
    } else {
        const quint32 mark = header ? shm.readMarks.at(size_t(slot)) : WalIndexHeader::kUnusedMark;
        if (mark == WalIndexHeader::kUnusedMark) {
            sentences.append(
                QStringLiteral("%1 holds a read snapshot on read slot %2%3 (its frame is unknown: "
                               "the WAL-index could not be read): RESTART and TRUNCATE checkpoints "
                               "wait for it and %4, and the -wal cannot be reset while it lasts.")
                    .arg(who)
                    .arg(slot)
                    .arg(since, busy()) +
                end);
            addEdges(pid, QStringLiteral("shm"), lock,
                     {QStringLiteral("checkpoint-restart"), QStringLiteral("checkpoint-truncate"),
                      QStringLiteral("wal-reset")});
            return;
        }
        if (mark < shm.mxFrame) {
            // walCheckpoint(): mxSafeFrame stops at the mark of every reader still locking its slot.
            sentences.append(
                QStringLiteral(
                    "%1 holds a read snapshot at frame %2 of %3 on read slot %4%5: no checkpoint "
                    "can copy the %6 frames after frame %2, FULL, RESTART and TRUNCATE checkpoints "
                    "wait for it and %7, and the -wal cannot be reset (it keeps growing) while it "
                    "lasts. Writers and other readers go on.")
                    .arg(who)
                    .arg(mark)
                    .arg(shm.mxFrame)
                    .arg(slot)
                    .arg(since)
                    .arg(shm.mxFrame - mark)
                    .arg(busy()) +
                end);
            addEdges(pid, QStringLiteral("shm"), lock,
                     kAllCheckpoints + QStringList{QStringLiteral("wal-reset")});
            for (qint64 c : std::as_const(checkpointers))
                addEdge({pid, QStringLiteral("shm"), lock, QStringLiteral("checkpoint"), c});
            return;
        }
        // walCheckpoint() RESTART/TRUNCATE and walRestartLog() lock READ_LOCK(1..4) exclusively.
        sentences.append(
            QStringLiteral(
                "%1 holds a read snapshot at the latest frame (%2) on read slot %3%4: checkpoints "
                "can copy every frame, but RESTART and TRUNCATE checkpoints wait for it and %5, and "
                "the -wal cannot be reset (it keeps growing) while it lasts.")
                .arg(who)
                .arg(shm.mxFrame)
                .arg(slot)
                .arg(since, busy()) +
            end);
        addEdges(pid, QStringLiteral("shm"), lock,
                 {QStringLiteral("checkpoint-restart"), QStringLiteral("checkpoint-truncate"),
                  QStringLiteral("wal-reset")});
    }
}

} // namespace kalito
