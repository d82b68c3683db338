#include "lockdiagnosis.h"

#include "lockhistory.h"
#include "locknames.h"
#include "lockreport.h"

#include <QSet>

namespace kalito {

namespace {

QString duration(const LockHistory *history, const LockReport::Lock &l, const QString &now,
                 const QString &since)
{
    const qint64 ms = history ? history->heldForMs(LockHistory::key(l.pid, l.file, l.lock)) : -1;
    return ms < 1000 ? now : since.arg(ms / 1000);
}

bool holds(const LockReport &r, qint64 pid, const QString &file, const QString &lock, bool write)
{
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid == pid && l.file == file && l.lock == lock && (!write || l.write))
            return true;
    }
    return false;
}

void walSentences(const LockReport &r, const LockHistory *history, QStringList *out)
{
    const WalIndexHeader shm = r.probe.shm();
    if (r.shmStale) {
        out->append(
            QStringLiteral("No process has the database open: the -shm is stale (left by a process that "
                           "ended or crashed); its frame counts are not trusted and the next connection "
                           "rebuilds it from the -wal."));
    } else if (r.probe.shmExists && !shm.isValid()) {
        out->append(QStringLiteral("The WAL-index could not be read consistently: %1.").arg(shm.problem()));
    }
    QSet<qint64> busy;
    for (const LockReport::Lock &l : r.locks) {
        if (l.file != QLatin1String("shm"))
            continue;
        const QString who = r.displayName(l.pid);
        if (l.lock == QLatin1String("wal-write") && l.write) {
            busy.insert(l.pid);
            if (holds(r, l.pid, QStringLiteral("shm"), QStringLiteral("checkpoint"), true)) {
                out->append(
                    QStringLiteral("%1 is running a FULL, RESTART or TRUNCATE checkpoint: writers wait "
                                   "until it ends.")
                        .arg(who));
            } else {
                out->append(
                    QStringLiteral("%1 %2: other writers and FULL, RESTART and TRUNCATE checkpoints wait "
                                   "for it (and fail with \"database is locked\" after their busy "
                                   "timeout).")
                        .arg(who, duration(history, l, QStringLiteral("is writing now"),
                                           QStringLiteral("has been writing for at least %1 s"))));
            }
        } else if (l.lock == QLatin1String("checkpoint") &&
                   !holds(r, l.pid, QStringLiteral("shm"), QStringLiteral("wal-write"), true)) {
            busy.insert(l.pid);
            out->append(QStringLiteral("%1 is running a checkpoint (copying WAL frames into the database); "
                                       "another checkpoint now would be refused as busy.")
                            .arg(who));
        } else if (l.lock == QLatin1String("recover")) {
            busy.insert(l.pid);
            out->append(QStringLiteral("%1 is rebuilding the WAL-index (recovery): other connections wait.")
                            .arg(who));
        } else if (LockNames::readSlot(l.lock) > 0 && !l.write &&
                   !holds(r, l.pid, QStringLiteral("shm"), QStringLiteral("wal-write"), true)) {
            // (a writer always reads at the latest frame: its write sentence says enough)
            busy.insert(l.pid);
            const quint32 mark = shm.readMarks.at(size_t(LockNames::readSlot(l.lock)));
            const QString held = duration(history, l, QString(), QStringLiteral(" (for at least %1 s)"));
            if (!shm.isValid() || mark == WalIndexHeader::kUnusedMark) {
                out->append(
                    QStringLiteral("%1 holds a read snapshot%2 (slot %3): checkpoints cannot reset the WAL "
                                   "until its read transaction ends.")
                        .arg(who, held, l.lock));
            } else if (mark < shm.mxFrame) {
                out->append(
                    QStringLiteral("%1 holds a read snapshot at frame %2 of %3%4: checkpoints cannot pass "
                                   "it and the WAL cannot be reset until its read transaction ends.")
                        .arg(who)
                        .arg(mark)
                        .arg(shm.mxFrame)
                        .arg(held));
            } else {
                out->append(
                    QStringLiteral("%1 holds a read snapshot at the latest frame (%2)%3: checkpoints can "
                                   "copy everything, but RESTART and TRUNCATE wait for it and the WAL "
                                   "cannot be reset until its read transaction ends.")
                        .arg(who)
                        .arg(shm.mxFrame)
                        .arg(held));
            }
        }
    }
    if (!r.shmStale && shm.isValid()) {
        if (shm.mxFrame == 0) {
            out->append(QStringLiteral("The WAL holds no frames: everything is in the database file."));
        } else {
            const qint64 pageBytes = qint64(shm.pageSize) + 24;
            out->append(
                QStringLiteral("The WAL holds %1 frames, %2 of them already copied into the database: a "
                               "backlog of %3 frames (about %4 KiB).")
                    .arg(shm.mxFrame)
                    .arg(shm.nBackfill)
                    .arg(shm.backlog())
                    .arg(qint64(shm.backlog()) * pageBytes / 1024));
        }
    }
    if (busy.isEmpty() && !r.shmStale)
        out->append(
            QStringLiteral("No process is writing, checkpointing or holding a read snapshot right now."));
}

void rollbackSentences(const LockReport &r, const LockHistory *history, QStringList *out)
{
    // One sentence per process, for its strongest lock: taking EXCLUSIVE passes through RESERVED
    // and PENDING, and the unix VFS keeps all three until the commit.
    QList<qint64> pids;
    for (const LockReport::Lock &l : r.locks) {
        if (l.file == QLatin1String("db") && !pids.contains(l.pid))
            pids.append(l.pid);
    }
    for (qint64 pid : std::as_const(pids)) {
        const QString who = r.displayName(pid);
        auto find = [&r, pid](const char *lock, bool write) -> const LockReport::Lock * {
            for (const LockReport::Lock &l : r.locks) {
                if (l.pid == pid && l.file == QLatin1String("db") && l.lock == QLatin1String(lock) &&
                    (!write || l.write))
                    return &l;
            }
            return nullptr;
        };
        if (const LockReport::Lock *exclusive = find("exclusive", true)) {
            out->append(
                QStringLiteral("%1 holds an EXCLUSIVE lock%2: it is writing to the database file; every "
                               "other reader and writer waits.")
                    .arg(who,
                         duration(history, *exclusive, QString(), QStringLiteral(" (for at least %1 s)"))));
        } else if (find("pending", true)) {
            out->append(
                QStringLiteral("%1 holds PENDING: it waits for the readers to finish so it can commit; new "
                               "readers are refused.")
                    .arg(who));
        } else if (const LockReport::Lock *reserved = find("reserved", true)) {
            out->append(
                QStringLiteral("%1 holds RESERVED%2: it has started a write transaction; other writers get "
                               "\"database is locked\", readers go on.")
                    .arg(who,
                         duration(history, *reserved, QString(), QStringLiteral(" (for at least %1 s)"))));
        } else if (find("shared", false)) {
            out->append(
                QStringLiteral("%1 holds SHARED (it is reading): a writer cannot commit until it finishes.")
                    .arg(who));
        }
    }
    if (pids.isEmpty())
        out->append(QStringLiteral("No process holds a lock on the database file right now."));
}

} // namespace

QStringList LockDiagnosis::sentences(const LockReport &r, const LockHistory *history)
{
    QStringList out;
    if (!r.ok()) {
        out.append(r.error);
        return out;
    }
    if (r.walMode)
        walSentences(r, history, &out);
    else
        rollbackSentences(r, history, &out);

    if (!r.procAvailable) {
        out.append(
            QStringLiteral("This system has no /proc: the processes that have the files open cannot be "
                           "listed; the locks come from fcntl(F_GETLK), which names one holder per lock "
                           "byte."));
    } else if (!r.procLocksAvailable) {
        out.append(
            QStringLiteral("/proc/locks is not readable: the locks come from fcntl(F_GETLK), which names one "
                           "holder per lock byte."));
    }
    if (!r.hiddenByUser.isEmpty()) {
        QStringList users;
        for (auto it = r.hiddenByUser.cbegin(); it != r.hiddenByUser.cend(); ++it)
            users.append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()));
        out.append(
            QStringLiteral("The open files of other users' processes are private (%1): a backend running as "
                           "another user appears here only through the locks it holds. To see which of them "
                           "have the database open, run the inspector as that user or as root (e.g. sudo "
                           "kalito-inspector locks PATH).")
                .arg(users.join(QStringLiteral(", "))));
    }
    return out;
}

} // namespace kalito
