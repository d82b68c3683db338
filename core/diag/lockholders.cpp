#include "lockholders.h"

#include "lockgraph.h"
#include "lockreport.h"
#include "locktext.h"

#include <algorithm>

namespace kalito {

QString LockHolders::kindName(LockFinding::Kind kind)
{
    using K = LockFinding::Kind;
    switch (kind) {
    case K::ShmStale:
        return QStringLiteral("shm-stale");
    case K::ShmUnreadable:
        return QStringLiteral("shm-unreadable");
    case K::Recovering:
        return QStringLiteral("recovering");
    case K::Writing:
        return QStringLiteral("writing");
    case K::ResettingShm:
        return QStringLiteral("resetting-shm");
    case K::ExclusiveWal:
        return QStringLiteral("exclusive-wal");
    case K::CheckpointCopying:
        return QStringLiteral("checkpoint-copying");
    case K::CheckpointWriting:
        return QStringLiteral("checkpoint-writing");
    case K::ReaderSlot0Idle:
        return QStringLiteral("reader-slot0-idle");
    case K::ReaderSlot0:
        return QStringLiteral("reader-slot0");
    case K::ReaderUnknownFrame:
        return QStringLiteral("reader-unknown-frame");
    case K::ReaderBehind:
        return QStringLiteral("reader-behind");
    case K::ReaderLatest:
        return QStringLiteral("reader-latest");
    case K::WalEmpty:
        return QStringLiteral("wal-empty");
    case K::WalBacklog:
        return QStringLiteral("wal-backlog");
    case K::NothingActive:
        return QStringLiteral("nothing-active");
    case K::RollbackExclusive:
        return QStringLiteral("rollback-exclusive");
    case K::RollbackPending:
        return QStringLiteral("rollback-pending");
    case K::RollbackReserved:
        return QStringLiteral("rollback-reserved");
    case K::RollbackShared:
        return QStringLiteral("rollback-shared");
    case K::RollbackIdle:
        return QStringLiteral("rollback-idle");
    case K::NoProc:
        return QStringLiteral("no-proc");
    case K::NoProcLocks:
        return QStringLiteral("no-proc-locks");
    case K::ProbeForced:
        return QStringLiteral("probe-forced");
    case K::OfdLocks:
        return QStringLiteral("ofd-locks");
    case K::HiddenUsers:
        return QStringLiteral("hidden-users");
    case K::ReportFailed:
        return QStringLiteral("report-failed");
    }
    return QString();
}

bool LockHolders::namesProcess(LockFinding::Kind kind)
{
    using K = LockFinding::Kind;
    switch (kind) {
    case K::Recovering:
    case K::Writing:
    case K::ResettingShm:
    case K::ExclusiveWal:
    case K::CheckpointCopying:
    case K::CheckpointWriting:
    case K::ReaderSlot0Idle:
    case K::ReaderSlot0:
    case K::ReaderUnknownFrame:
    case K::ReaderBehind:
    case K::ReaderLatest:
    case K::RollbackExclusive:
    case K::RollbackPending:
    case K::RollbackReserved:
    case K::RollbackShared:
        return true;
    default:
        return false;
    }
}

bool LockHolders::isReader(LockFinding::Kind kind)
{
    using K = LockFinding::Kind;
    return kind == K::ReaderSlot0Idle || kind == K::ReaderSlot0 || kind == K::ReaderUnknownFrame ||
           kind == K::ReaderBehind || kind == K::ReaderLatest || kind == K::RollbackShared;
}

void LockHolders::lockOf(LockFinding *f)
{
    using K = LockFinding::Kind;
    auto set = [f](const char *file, const QString &lock, bool write) {
        f->file = QString::fromLatin1(file);
        f->lock = lock;
        f->write = write;
    };
    switch (f->kind) {
    case K::Recovering:
        return set("shm", QStringLiteral("recover"), true);
    case K::Writing:
        return set("shm", QStringLiteral("wal-write"), true);
    case K::ResettingShm:
        return set("shm", QStringLiteral("dms"), true);
    case K::ExclusiveWal:
    case K::RollbackExclusive:
        return set("db", QStringLiteral("exclusive"), true);
    case K::CheckpointCopying:
    case K::CheckpointWriting:
        return set("shm", QStringLiteral("checkpoint"), true);
    case K::ReaderSlot0Idle:
    case K::ReaderSlot0:
    case K::ReaderUnknownFrame:
    case K::ReaderBehind:
    case K::ReaderLatest:
        return set("shm", QStringLiteral("read%1").arg(f->slot), false);
    case K::RollbackPending:
        return set("db", QStringLiteral("pending"), true);
    case K::RollbackReserved:
        return set("db", QStringLiteral("reserved"), true);
    case K::RollbackShared:
        return set("db", QStringLiteral("shared"), false);
    default:
        return;
    }
}

void LockHolders::attachEdges(QList<LockFinding> *findings, const QList<LockEdge> &edges)
{
    for (LockFinding &f : *findings) {
        if (!namesProcess(f.kind))
            continue;
        lockOf(&f);
        f.blocks.clear();
        for (const LockEdge &e : edges) {
            // A checkpointer holds WRITE as well as CKPT: both of its locks are what it blocks.
            const bool mine = e.holder == f.holder.pid &&
                              (e.lock == f.lock || (f.kind == LockFinding::Kind::CheckpointWriting &&
                                                    e.lock == QLatin1String("wal-write")));
            if (mine && !f.blocks.contains(e.operation))
                f.blocks.append(e.operation);
        }
    }
}

QList<LockFinding> LockHolders::of(const QList<LockFinding> &findings)
{
    QList<LockFinding> out;
    for (const LockFinding &f : findings) {
        if (namesProcess(f.kind))
            out.append(f);
    }
    sort(&out);
    return out;
}

QList<LockFinding> LockHolders::of(const LockReport &report)
{
    return of(report.findings);
}

QList<LockFinding> LockHolders::blocking(const QList<LockFinding> &holders, const QString &operation,
                                         qint64 selfPid)
{
    QList<LockFinding> out;
    for (const LockFinding &f : holders) {
        if (f.holder.pid != selfPid && f.blocks.contains(operation))
            out.append(f);
    }
    return out;
}

void LockHolders::sort(QList<LockFinding> *holders)
{
    std::stable_sort(holders->begin(), holders->end(), [](const LockFinding &a, const LockFinding &b) {
        if (isReader(a.kind) != isReader(b.kind))
            return !isReader(a.kind);
        if (a.heldForMs != b.heldForMs)
            return a.heldForMs > b.heldForMs;
        return a.holder.pid < b.holder.pid;
    });
}

QJsonObject LockHolders::toJson(const LockFinding &f)
{
    static const char *const known[] = {"full",   "self", "ofd", "no-proc", "gone", "no-command-line",
                                        "no-user"};
    QJsonObject o{{QStringLiteral("pid"), f.holder.pid},
                  {QStringLiteral("cmdline"), f.holder.command},
                  {QStringLiteral("user"), f.holder.user},
                  {QStringLiteral("known"), QString::fromLatin1(known[int(f.holder.known)])},
                  {QStringLiteral("file"), f.file},
                  {QStringLiteral("lock"), f.lock},
                  {QStringLiteral("mode"), f.write ? QStringLiteral("write") : QStringLiteral("read")},
                  {QStringLiteral("kind"), kindName(f.kind)},
                  {QStringLiteral("blocks"), QJsonArray::fromStringList(f.blocks)},
                  {QStringLiteral("held_for_ms"),
                   f.heldForMs >= 0 ? QJsonValue(f.heldForMs) : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("sentence"), LockText::describe(f)}};
    if (isReader(f.kind) && f.file == QLatin1String("shm")) {
        o.insert(QStringLiteral("slot"), f.slot);
        if (f.kind == LockFinding::Kind::ReaderBehind || f.kind == LockFinding::Kind::ReaderLatest)
            o.insert(QStringLiteral("mark"), f.mark);
    }
    return o;
}

QJsonArray LockHolders::toJson(const QList<LockFinding> &holders)
{
    QJsonArray a;
    for (const LockFinding &f : holders)
        a.append(toJson(f));
    return a;
}

} // namespace kalito
