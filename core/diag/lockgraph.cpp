#include "lockgraph.h"

#include "lockhistory.h"
#include "lockholders.h"
#include "locknames.h"
#include "lockreport.h"
#include "locktext.h"

namespace kalito {

// Each rule below is one row of docs/locks.md; the SQLite function it comes from is named there.
namespace {

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

qint64 LockGraph::heldFor(const LockHistory *history, qint64 pid, const char *file, const QString &lock)
{
    return history ? history->heldForMs(LockHistory::key(pid, QString::fromLatin1(file), lock)) : -1;
}

LockFinding LockGraph::finding(LockFinding::Kind kind, const LockReport &r, qint64 pid, qint64 heldForMs)
{
    LockFinding f;
    f.kind = kind;
    f.holder = r.holder(pid);
    f.heldForMs = heldForMs;
    return f;
}

void LockGraph::add(const LockFinding &f)
{
    findings.append(f);
    sentences.append(LockText::describe(f));
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
    // Each finding that names a process carries its lock and what it blocks, from the same edges.
    LockHolders::attachEdges(&g.findings, g.edges);
    return g;
}

void LockGraph::buildWal(const LockReport &r, const LockHistory *history)
{
    using K = LockFinding::Kind;
    const WalIndexHeader shm = r.probe.shm();
    const bool header = !r.shmStale && shm.isValid();
    if (r.shmStale) {
        LockFinding f;
        f.kind = K::ShmStale;
        add(f);
    } else if (r.probe.shmExists && !shm.isValid()) {
        LockFinding f;
        f.kind = K::ShmUnreadable;
        f.shmProblem = !shm.present      ? LockFinding::ShmProblem::Missing
                       : !shm.isInit     ? LockFinding::ShmProblem::NotInitialised
                       : !shm.consistent ? LockFinding::ShmProblem::Inconsistent
                                         : LockFinding::ShmProblem::Checksum;
        add(f);
    }
    bool active = false;
    for (qint64 pid : pidsOf(r)) {
        if (held(r, pid, "db", "exclusive", true)) {
            walExclusive(r, history, pid);
            active = true;
            continue;
        }
        if (held(r, pid, "shm", "recover", true)) {
            active = true;
            add(finding(K::Recovering, r, pid, heldFor(history, pid, "shm", QStringLiteral("recover"))));
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
            add(finding(K::Writing, r, pid, heldFor(history, pid, "shm", QStringLiteral("wal-write"))));
            addEdges(pid, QStringLiteral("shm"), QStringLiteral("wal-write"),
                     {QStringLiteral("begin-immediate"), QStringLiteral("write"),
                      QStringLiteral("checkpoint-full"), QStringLiteral("checkpoint-restart"),
                      QStringLiteral("checkpoint-truncate")});
        }
        if (held(r, pid, "shm", "dms", true)) {
            active = true;
            add(finding(K::ResettingShm, r, pid, heldFor(history, pid, "shm", QStringLiteral("dms"))));
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
        LockFinding f;
        if (shm.mxFrame == 0) {
            f.kind = K::WalEmpty;
        } else {
            f.kind = K::WalBacklog;
            f.mxFrame = shm.mxFrame;
            f.backfilled = shm.nBackfill;
            f.backlog = shm.backlog();
            f.backlogKiB = qint64(shm.backlog()) * (qint64(shm.pageSize) + 24) / 1024;
        }
        add(f);
    }
    if (!active && !r.shmStale) {
        LockFinding f;
        f.kind = K::NothingActive;
        add(f);
    }
}

void LockGraph::walExclusive(const LockReport &r, const LockHistory *history, qint64 pid)
{
    LockFinding f = finding(LockFinding::Kind::ExclusiveWal, r, pid,
                            heldFor(history, pid, "db", QStringLiteral("exclusive")));
    f.ownShmMemory = !holdsAny(r, pid, "shm");
    add(f);
    addEdges(pid, QStringLiteral("db"), QStringLiteral("exclusive"),
             QStringList{QStringLiteral("read"), QStringLiteral("begin-immediate"), QStringLiteral("write")} +
                 kAllCheckpoints);
}

void LockGraph::walCheckpointer(const LockReport &r, const LockHistory *history, qint64 pid, bool holdsWrite)
{
    const qint64 since = heldFor(history, pid, "shm", QStringLiteral("checkpoint"));
    if (!holdsWrite) {
        // Either PASSIVE copying, or FULL/RESTART/TRUNCATE in walBusyLock() for the write lock.
        LockFinding f = finding(LockFinding::Kind::CheckpointCopying, r, pid, since);
        for (const LockReport::Lock &l : r.locks) {
            if (l.pid != pid && l.file == QLatin1String("shm") && l.lock == QLatin1String("wal-write") &&
                l.write)
                f.others = {r.holder(l.pid)}; // the last one, as before
        }
        add(f);
        addEdges(pid, QStringLiteral("shm"), QStringLiteral("checkpoint"), kAllCheckpoints);
        return;
    }
    // walCheckpoint(): FULL and up wait (busy handler) on READ_LOCK(i) for every reader whose mark
    // is below mxFrame and on READ_LOCK(0) while frames are left to copy; RESTART and TRUNCATE then
    // wait on READ_LOCK(1..4) for every reader of the WAL.
    const WalIndexHeader shm = r.probe.shm();
    const bool header = !r.shmStale && shm.isValid();
    LockFinding f = finding(LockFinding::Kind::CheckpointWriting, r, pid, since);
    for (const LockReport::Lock &l : r.locks) {
        const int slot = LockNames::readSlot(l.lock);
        if (l.pid == pid || l.file != QLatin1String("shm") || l.write || slot < 0)
            continue;
        const quint32 mark = header ? shm.readMarks.at(size_t(slot)) : WalIndexHeader::kUnusedMark;
        const LockWaiter waiter{r.holder(l.pid), slot, -1, header ? qint64(shm.mxFrame) : 0};
        if (slot == 0 && (!header || shm.backlog() > 0)) {
            f.waits.append(waiter);
        } else if (slot > 0 && header && mark < shm.mxFrame) {
            LockWaiter behind = waiter;
            behind.mark = mark;
            f.waits.append(behind);
        } else if (slot > 0) {
            f.restartWaits.append(waiter);
            continue;
        } else {
            continue;
        }
        addEdge({l.pid, l.file, l.lock, QStringLiteral("checkpoint"), pid});
    }
    add(f);
    addEdges(pid, QStringLiteral("shm"), QStringLiteral("wal-write"),
             {QStringLiteral("begin-immediate"), QStringLiteral("write")});
    addEdges(pid, QStringLiteral("shm"), QStringLiteral("checkpoint"), kAllCheckpoints);
}

void LockGraph::walReader(const LockReport &r, const LockHistory *history, qint64 pid, int slot)
{
    using K = LockFinding::Kind;
    const WalIndexHeader shm = r.probe.shm();
    const bool header = !r.shmStale && shm.isValid();
    const QString lock = QStringLiteral("read%1").arg(slot);
    const qint64 since = heldFor(history, pid, "shm", lock);
    QList<qint64> checkpointers;
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid != pid && l.lock == QLatin1String("checkpoint") && l.write &&
            held(r, l.pid, "shm", "wal-write", true))
            checkpointers.append(l.pid);
    }
    LockFinding f = finding(K::ReaderSlot0, r, pid, since);
    f.slot = slot;
    if (slot == 0) {
        // walTryBeginRead(): read slot 0 is taken only when nBackfill == mxFrame, and the snapshot
        // reads the database file alone; walCheckpoint() must lock READ_LOCK(0) to copy anything.
        if (header && shm.backlog() == 0) {
            f.kind = K::ReaderSlot0Idle;
            add(f);
            return;
        }
        f.backlog = header ? qint64(shm.backlog()) : -1;
        add(f);
        addEdges(pid, QStringLiteral("shm"), lock, kAllCheckpoints);
        return;
    }
    const quint32 mark = header ? shm.readMarks.at(size_t(slot)) : WalIndexHeader::kUnusedMark;
    if (mark == WalIndexHeader::kUnusedMark) {
        f.kind = K::ReaderUnknownFrame;
        add(f);
        addEdges(pid, QStringLiteral("shm"), lock,
                 {QStringLiteral("checkpoint-restart"), QStringLiteral("checkpoint-truncate"),
                  QStringLiteral("wal-reset")});
        return;
    }
    f.mxFrame = shm.mxFrame;
    f.mark = mark;
    if (mark < shm.mxFrame) {
        // walCheckpoint(): mxSafeFrame stops at the mark of every reader still locking its slot.
        f.kind = K::ReaderBehind;
        add(f);
        addEdges(pid, QStringLiteral("shm"), lock,
                 kAllCheckpoints + QStringList{QStringLiteral("wal-reset")});
        for (qint64 c : std::as_const(checkpointers))
            addEdge({pid, QStringLiteral("shm"), lock, QStringLiteral("checkpoint"), c});
        return;
    }
    // walCheckpoint() RESTART/TRUNCATE and walRestartLog() lock READ_LOCK(1..4) exclusively.
    f.kind = K::ReaderLatest;
    add(f);
    addEdges(pid, QStringLiteral("shm"), lock,
             {QStringLiteral("checkpoint-restart"), QStringLiteral("checkpoint-truncate"),
              QStringLiteral("wal-reset")});
}

} // namespace kalito
