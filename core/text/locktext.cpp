#include "locktext.h"

#include "errortext.h"
#include "lockholders.h"
#include "walstate.h"

namespace kalito {

namespace {

QString busy()
{
    return LockText::tr("fail with SQLITE_BUSY (\"database is locked\") after their busy timeout");
}

QString end()
{
    return LockText::tr(" It lasts until that process ends its read transaction (finishes or resets "
                        "its statement, or commits).");
}

QStringList names(const QList<LockHolder> &holders)
{
    QStringList out;
    for (const LockHolder &h : holders)
        out.append(LockText::holder(h));
    return out;
}

QString shmProblem(LockFinding::ShmProblem p)
{
    switch (p) {
    case LockFinding::ShmProblem::Missing:
        return LockText::tr("the -shm file is missing or shorter than its header");
    case LockFinding::ShmProblem::NotInitialised:
        return LockText::tr("the WAL-index is not initialised (no connection has built it yet)");
    case LockFinding::ShmProblem::Inconsistent:
        return LockText::tr("the two copies of the WAL-index header differ (a write was in progress)");
    case LockFinding::ShmProblem::Checksum:
        return LockText::tr("the WAL-index header checksum does not match");
    }
    return QString();
}

} // namespace

QString LockText::holder(const LockHolder &h)
{
    switch (h.known) {
    case LockHolder::Known::Self:
        return tr("this inspector (pid %1)").arg(h.pid);
    case LockHolder::Known::Ofd:
        return tr("a process holding an OFD lock (its pid is not reported: open file description "
                  "locks show pid -1)");
    case LockHolder::Known::NoProc:
        return tr("pid %1 (command and user unknown: this system has no /proc)").arg(h.pid);
    case LockHolder::Known::Gone:
        return tr("pid %1 (command and user unknown: it ended, or is in another pid namespace)").arg(h.pid);
    case LockHolder::Known::NoCommandLine:
        return tr("pid %1 (command line not readable, user %2)").arg(h.pid).arg(h.user);
    case LockHolder::Known::NoUser:
        return tr("pid %1 (%2, user unknown)").arg(h.pid).arg(h.command);
    case LockHolder::Known::Full:
        break;
    }
    return tr("pid %1 (%2, user %3)").arg(h.pid).arg(h.command, h.user);
}

QString LockText::seen(qint64 heldForMs)
{
    if (heldForMs >= 1000)
        return tr(" (seen held for %1 s)").arg(heldForMs / 1000);
    // Two looks a moment apart (before and after a checkpoint's wait): still a duration.
    return heldForMs > 0 ? tr(" (seen held for %1 ms)").arg(heldForMs) : tr(" (seen just now)");
}

QString LockText::joinNames(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.join(QString());
    return QStringList(parts.mid(0, parts.size() - 1)).join(QStringLiteral(", ")) + tr(" and ") +
           parts.constLast();
}

QString LockText::describe(const LockFinding &f)
{
    using K = LockFinding::Kind;
    const QString who = holder(f.holder);
    const QString since = seen(f.heldForMs);
    switch (f.kind) {
    case K::ShmStale:
        return tr(
            "No process holds the DMS lock of the -shm: the -shm is stale (left by a process that ended or "
            "crashed, or not used by a connection in locking_mode=EXCLUSIVE); its frame counts are not "
            "trusted and the next connection that uses it rebuilds it from the -wal (recovery).");
    case K::ShmUnreadable:
        return tr("The WAL-index could not be read consistently: %1.").arg(shmProblem(f.shmProblem));
    case K::Recovering:
        return tr("%1 holds the RECOVER lock%2: it is rebuilding the WAL-index from the -wal "
                  "(recovery after a crash or a stale -shm); new read transactions wait and %3 "
                  "(SQLITE_BUSY_RECOVERY), and so do writes and checkpoints. Recovery ends by "
                  "itself; if it never does, that process is stuck.")
            .arg(who, since, busy());
    case K::Writing:
        return tr("%1 holds the WAL write lock%2: it is in a write transaction; other connections' "
                  "BEGIN IMMEDIATE and writes wait for it and %3 (a transaction that already read "
                  "fails at once), and so do FULL, RESTART and TRUNCATE checkpoints; readers and "
                  "PASSIVE checkpoints go on. It ends with that process's COMMIT or ROLLBACK.")
            .arg(who, since, busy());
    case K::ResettingShm:
        return tr("%1 holds the DMS lock of the -shm exclusively%2: it is the first connection and "
                  "is resetting the -shm; other connections opening the database retry meanwhile.")
            .arg(who, since);
    case K::ExclusiveWal:
        return tr("%1 holds an EXCLUSIVE lock on the database file%2 in WAL mode: it uses "
                  "locking_mode=EXCLUSIVE%3 (or it is the last connection closing and "
                  "checkpointing); every other connection's reads, writes and checkpoints %4, "
                  "until it closes its connection or sets locking_mode=NORMAL.")
            .arg(who, since,
                 f.ownShmMemory ? tr(" and keeps the WAL-index in its own memory (no -shm locks)")
                                : QString(),
                 busy());
    case K::CheckpointCopying:
        return tr("%1 holds the checkpoint lock%2: a checkpoint is copying WAL frames into the "
                  "database (a PASSIVE one, or a FULL, RESTART or TRUNCATE one still waiting for "
                  "the write lock%3); another checkpoint fails at once with SQLITE_BUSY, without "
                  "waiting.")
            .arg(who, since,
                 f.others.isEmpty() ? QString() : tr(", held by %1").arg(holder(f.others.constFirst())));
    case K::CheckpointWriting: {
        QString s = tr("%1 holds the checkpoint and write locks%2: it is running a FULL, RESTART or "
                       "TRUNCATE checkpoint; other connections' BEGIN IMMEDIATE and writes wait for "
                       "it and %3, and another checkpoint fails at once with SQLITE_BUSY.")
                        .arg(who, since, busy());
        QStringList waits, restartOnly;
        for (const LockWaiter &w : f.waits) {
            waits.append(w.mark < 0 ? tr("%1 on read slot 0").arg(holder(w.who))
                                    : tr("%1 (a snapshot at frame %2 of %3, read slot %4)")
                                          .arg(holder(w.who))
                                          .arg(w.mark)
                                          .arg(w.mxFrame)
                                          .arg(w.slot));
        }
        for (const LockWaiter &w : f.restartWaits)
            restartOnly.append(tr("%1 on read slot %2").arg(holder(w.who)).arg(w.slot));
        if (!waits.isEmpty())
            s += tr(" It waits for the readers %1 to end their read transactions.").arg(joinNames(waits));
        if (!restartOnly.isEmpty())
            s += tr(" If it is a RESTART or TRUNCATE checkpoint, it also waits for %1 (reading at the "
                    "latest frame).")
                     .arg(joinNames(restartOnly));
        if (waits.isEmpty() && restartOnly.isEmpty())
            s += tr(" No reader seen holds it back.");
        return s;
    }
    case K::ReaderSlot0Idle:
        return tr("%1 holds a read snapshot on read slot 0%2: it reads only the database file (the "
                  "WAL was fully checkpointed when it began). Nothing waits to be copied now, but "
                  "no checkpoint can copy any frame written from now on while it lasts.")
                   .arg(who, since) +
               end();
    case K::ReaderSlot0:
        return tr("%1 holds a read snapshot on read slot 0%2: it began when the WAL was fully "
                  "checkpointed and reads only the database file, so no checkpoint can copy any "
                  "frame while it lasts%3; PASSIVE checkpoints copy nothing, FULL, RESTART and "
                  "TRUNCATE checkpoints wait for it and %4, and the -wal keeps growing. Writers "
                  "and other readers go on.")
                   .arg(who, since,
                        f.backlog >= 0 ? tr(" (%1 frames wait to be copied)").arg(f.backlog) : QString(),
                        busy()) +
               end();
    case K::ReaderUnknownFrame:
        return tr("%1 holds a read snapshot on read slot %2%3 (its frame is unknown: the WAL-index "
                  "could not be read): RESTART and TRUNCATE checkpoints wait for it and %4, and "
                  "the -wal cannot be reset while it lasts.")
                   .arg(who)
                   .arg(f.slot)
                   .arg(since, busy()) +
               end();
    case K::ReaderBehind:
        return tr("%1 holds a read snapshot at frame %2 of %3 on read slot %4%5: no checkpoint can "
                  "copy the %6 frames after frame %2, FULL, RESTART and TRUNCATE checkpoints wait "
                  "for it and %7, and the -wal cannot be reset (it keeps growing) while it lasts. "
                  "Writers and other readers go on.")
                   .arg(who)
                   .arg(f.mark)
                   .arg(f.mxFrame)
                   .arg(f.slot)
                   .arg(since)
                   .arg(f.mxFrame - f.mark)
                   .arg(busy()) +
               end();
    case K::ReaderLatest:
        return tr("%1 holds a read snapshot at the latest frame (%2) on read slot %3%4: checkpoints "
                  "can copy every frame, but RESTART and TRUNCATE checkpoints wait for it and %5, "
                  "and the -wal cannot be reset (it keeps growing) while it lasts.")
                   .arg(who)
                   .arg(f.mxFrame)
                   .arg(f.slot)
                   .arg(since, busy()) +
               end();
    case K::WalEmpty:
        return tr("The WAL holds no frames: everything is in the database file.");
    case K::WalBacklog:
        return tr("The WAL holds %1 frames, %2 of them already copied into the database: a backlog "
                  "of %3 frames (about %4 KiB).")
            .arg(f.mxFrame)
            .arg(f.backfilled)
            .arg(f.backlog)
            .arg(f.backlogKiB);
    case K::NothingActive:
        return tr("No process is writing, checkpointing or holding a read snapshot right now.");
    case K::RollbackExclusive:
        return tr("%1 holds an EXCLUSIVE lock%2 on the database file: it is writing to the database "
                  "file (or keeps the lock in locking_mode=EXCLUSIVE); every other connection's "
                  "reads and writes %3 until it commits or closes.")
            .arg(who, since, busy());
    case K::RollbackPending:
        return tr("%1 holds PENDING%2: it is committing and waits for %3 to finish reading; new "
                  "readers and writers %4 until it has committed.")
            .arg(who, since, f.others.isEmpty() ? tr("the readers") : joinNames(names(f.others)), busy());
    case K::RollbackReserved:
        return tr("%1 holds RESERVED%2: it has started a write transaction; other connections' "
                  "BEGIN IMMEDIATE and writes %3 (a transaction that already read fails at once); "
                  "readers go on until it commits.")
            .arg(who, since, busy());
    case K::RollbackShared: {
        QString tail;
        if (!f.others.isEmpty())
            tail = f.othersWaiting
                       ? tr("; %1 waits for it").arg(joinNames(names(f.others)))
                       : tr("; the commit of %1 will wait for it").arg(joinNames(names(f.others)));
        return tr("%1 holds SHARED%2 (it is reading): no writer can commit until it finishes%3.")
            .arg(who, since, tail);
    }
    case K::RollbackIdle:
        return tr("No process holds a lock on the database file right now.");
    case K::NoProc:
        return tr("This system has no /proc: the processes that have the files open cannot be "
                  "listed; the locks come from fcntl(F_GETLK), which names one holder per lock "
                  "byte.");
    case K::NoProcLocks:
        return tr("/proc/locks is not readable: the locks come from fcntl(F_GETLK), which names one "
                  "holder per lock byte.");
    case K::ProbeForced:
        return tr("The locks come from fcntl(F_GETLK) (the probe was chosen instead of /proc/locks): "
                  "it names one holder per lock byte, so of several processes sharing a read lock "
                  "only one is named.");
    case K::OfdLocks:
        return tr("A lock with pid -1 is an OFD lock (fcntl F_OFD_SETLK): it belongs to an open "
                  "file, not to a process, so its holder cannot be named. SQLite itself does not "
                  "take OFD locks.");
    case K::HiddenUsers: {
        QStringList users;
        for (auto it = f.hiddenByUser.cbegin(); it != f.hiddenByUser.cend(); ++it)
            users.append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()));
        return tr("The open files of other users' processes are private (%1): a backend running as "
                  "another user appears here only through the locks it holds. To see which of them "
                  "have the database open, run the inspector as that user or as root (e.g. sudo "
                  "kalito-inspector locks PATH).")
            .arg(users.join(QStringLiteral(", ")));
    }
    case K::ReportFailed:
        return ErrorText::describe(f.error);
    }
    return QString();
}

QString LockText::walIndexProblem(const WalIndexHeader &h)
{
    if (h.isValid())
        return QString();
    return shmProblem(!h.present      ? LockFinding::ShmProblem::Missing
                      : !h.isInit     ? LockFinding::ShmProblem::NotInitialised
                      : !h.consistent ? LockFinding::ShmProblem::Inconsistent
                                      : LockFinding::ShmProblem::Checksum);
}

QString LockText::staleShm()
{
    return tr("no process holds the -shm open: it is stale and its numbers are not trusted");
}

QString LockText::walProblem(const WalState &state)
{
    switch (state.problem) {
    case WalState::Problem::None:
        break;
    case WalState::Problem::ReportFailed:
    case WalState::Problem::ShmUnreadable:
        return state.problemError.toString();
    case WalState::Problem::WalIndexInvalid:
        return walIndexProblem(state.walIndex);
    case WalState::Problem::StaleShm:
        return staleShm();
    }
    return QString();
}

QString LockText::shortCommand(const QString &commandLine)
{
    const QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QString();
    auto base = [](const QString &path) { return path.section(QLatin1Char('/'), -1); };
    QString out = base(words.constFirst());
    // The first argument (the script, the database) tells two nodes apart.
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (!w.startsWith(QLatin1Char('-'))) {
            out += w.contains(QLatin1Char('/')) ? QStringLiteral(" …/") + base(w) : QLatin1Char(' ') + w;
            break;
        }
    }
    return out;
}

QString LockText::shortHolder(const LockHolder &h)
{
    if (h.known == LockHolder::Known::Self)
        return tr("this inspector (pid %1)").arg(h.pid);
    if (h.known == LockHolder::Known::Ofd)
        return tr("an OFD lock (pid unknown)");
    const QString command = shortCommand(h.command);
    return command.isEmpty() ? tr("pid %1").arg(h.pid) : tr("pid %1 (%2)").arg(h.pid).arg(command);
}

QString LockText::holds(const LockFinding &f)
{
    using K = LockFinding::Kind;
    switch (f.kind) {
    case K::Recovering:
        return tr("is recovering the WAL-index");
    case K::Writing:
        return tr("holds the write lock");
    case K::ResettingShm:
        return tr("is resetting the -shm");
    case K::ExclusiveWal:
    case K::RollbackExclusive:
        return tr("holds an EXCLUSIVE lock on the database");
    case K::CheckpointCopying:
        return tr("runs a checkpoint");
    case K::CheckpointWriting:
        return tr("runs a checkpoint and holds the write lock");
    case K::ReaderSlot0Idle:
    case K::ReaderSlot0:
        return tr("holds a read snapshot (read slot 0)");
    case K::ReaderUnknownFrame:
        return tr("holds a read snapshot (read slot %1)").arg(f.slot);
    case K::ReaderBehind:
        return tr("holds a read snapshot at frame %1 of %2 (read slot %3)")
            .arg(f.mark)
            .arg(f.mxFrame)
            .arg(f.slot);
    case K::ReaderLatest:
        return tr("holds a read snapshot at the latest frame (read slot %1)").arg(f.slot);
    case K::RollbackPending:
        return tr("holds PENDING (committing)");
    case K::RollbackReserved:
        return tr("holds RESERVED (writing)");
    case K::RollbackShared:
        return tr("holds SHARED (reading)");
    default:
        return QString();
    }
}

QString LockText::pidOnly(const LockHolder &h)
{
    return h.known == LockHolder::Known::Self ? tr("this inspector") : tr("pid %1").arg(h.pid);
}

QString LockText::brief(const LockFinding &f, bool withCommand)
{
    return tr("%1 %2").arg(withCommand ? shortHolder(f.holder) : pidOnly(f.holder), holds(f));
}

QString LockText::holdersLine(const QList<LockFinding> &holders)
{
    // Holders come sorted (LockHolders::sort): writers and checkpointers, then readers, longest first.
    QStringList parts;
    QList<qint64> readerPids;
    const LockFinding *firstReader = nullptr;
    for (const LockFinding &f : holders) {
        if (!LockHolders::isReader(f.kind)) {
            parts.append(brief(f, false));
            continue;
        }
        if (!readerPids.contains(f.holder.pid))
            readerPids.append(f.holder.pid);
        if (!firstReader)
            firstReader = &f;
    }
    if (firstReader) {
        const QString who = pidOnly(firstReader->holder);
        QString text = readerPids.size() == 1 ? tr("1 reader: %1").arg(who)
                                              : tr("%1 readers, first %2").arg(readerPids.size()).arg(who);
        if (firstReader->heldForMs >= 5000)
            text += QLatin1Char(' ') + tr("(%1 s)").arg(firstReader->heldForMs / 1000);
        parts.append(text);
    } else if (parts.isEmpty()) {
        parts.append(tr("no readers"));
    }
    return parts.join(QStringLiteral("; "));
}

QString LockText::holdersToolTip(const QList<LockFinding> &holders)
{
    if (holders.isEmpty())
        return tr("No process holds a write lock, a checkpoint or a read snapshot right now.");
    return describe(holders).join(QLatin1Char('\n'));
}

QStringList LockText::describe(const QList<LockFinding> &findings)
{
    QStringList out;
    for (const LockFinding &f : findings)
        out.append(describe(f));
    return out;
}

} // namespace kalito
