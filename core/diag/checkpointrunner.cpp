#include "checkpointrunner.h"

#include "checkpointblockers.h"
#include "database.h"
#include "filesizes.h"
#include "logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <sqlite3.h>

namespace kalito {

namespace {

struct BusyWait
{
    CancelToken cancel;
    QElapsedTimer since;
    qint64 budgetMs = 0;
    bool gaveUpOnCancel = false;
};

int busyHandler(void *context, int /*attempt*/)
{
    auto *wait = static_cast<BusyWait *>(context);
    if (wait->cancel.isCancelled()) {
        wait->gaveUpOnCancel = true;
        return 0;
    }
    const qint64 left = wait->budgetMs - wait->since.elapsed();
    if (left <= 0)
        return 0;
    // Short steps so that a cancel is seen within ~20 ms.
    QThread::msleep(ulong(qMin<qint64>(left, 20)));
    return 1;
}

int sqliteMode(CheckpointMode mode)
{
    switch (mode) {
    case CheckpointMode::Passive:
        return SQLITE_CHECKPOINT_PASSIVE;
    case CheckpointMode::Full:
        return SQLITE_CHECKPOINT_FULL;
    case CheckpointMode::Restart:
        return SQLITE_CHECKPOINT_RESTART;
    case CheckpointMode::Truncate:
        return SQLITE_CHECKPOINT_TRUNCATE;
    }
    return SQLITE_CHECKPOINT_PASSIVE;
}

} // namespace

CheckpointResult CheckpointRunner::run(Database &db, CheckpointMode mode, const CancelToken &cancel,
                                       int maxWaitMs)
{
    CheckpointResult r;
    r.mode = mode;
    sqlite3 *h = db.handle();
    if (!db.isOpen() || !h) {
        r.error = DbError::make(DbError::Kind::NotOpen, DbError::Reason::NotOpen, db.path());
        if (db.isOpen()) {
            r.error = db.openResult().nativeProblem;
            r.error.path = db.path();
        }
        return r;
    }
    // sqlite3_wal_checkpoint_v2 is not a statement, so the read-only authorizer (database.cpp) never
    // sees it: on a read-only connection it would take the checkpoint lock (and for FULL, RESTART
    // and TRUNCATE the WAL write lock) before failing to write. Refused here, before it runs.
    if (db.isReadOnly()) {
        r.error = DbError::make(DbError::Kind::ReadOnly, DbError::Reason::CheckpointReadOnly, db.path());
        return r;
    }
    // A statement or transaction of our own would make the checkpoint fail with SQLITE_LOCKED.
    if (db.activeStatements() > 0 || !db.isAutocommit()) {
        r.error = DbError::make(DbError::Kind::Locked, DbError::Reason::StatementOpen, db.path());
        return r;
    }
    // This statement also clears a stale interrupt flag left by an earlier cancel.
    DbError err;
    const QString journal = db.scalar(QStringLiteral("PRAGMA journal_mode"), {}, &err).toString().toLower();
    const int previousTimeout = db.scalar(QStringLiteral("PRAGMA busy_timeout")).toInt();
    r.walBytesBefore = FileSizes::of(db.path()).walBytes;
    r.walBytesAfter = r.walBytesBefore;
    if (err.isError()) {
        r.error = err;
        return r;
    }
    if (journal != QLatin1String("wal")) {
        r.walMode = false;
        return r;
    }

    // Who holds what just before: a holder seen again after a busy result held on all along.
    LockHistory seen = CheckpointBlockers::before(db.path());
    BusyWait wait;
    wait.cancel = cancel;
    wait.budgetMs = maxWaitMs < 0 ? previousTimeout : maxWaitMs;
    QElapsedTimer timer;
    timer.start();
    wait.since.start();
    sqlite3_busy_handler(h, busyHandler, &wait);
    int log = -1, done = -1;
    r.rc = sqlite3_wal_checkpoint_v2(h, "main", sqliteMode(mode), &log, &done);
    const int extended = sqlite3_extended_errcode(h);
    const QString message = QString::fromUtf8(sqlite3_errmsg(h));
    sqlite3_busy_timeout(h, previousTimeout); // puts SQLite's own handler back
    r.elapsedMs = timer.elapsed();
    r.walBytesAfter = FileSizes::of(db.path()).walBytes;
    r.logFrames = log;
    r.checkpointedFrames = done;
    r.busy = (r.rc & 0xff) == SQLITE_BUSY;
    r.cancelled = wait.gaveUpOnCancel || (r.rc & 0xff) == SQLITE_INTERRUPT;
    if (r.rc != SQLITE_OK && !r.busy && !r.cancelled)
        r.error = DbError::fromSqlite(extended, message, db.path());
    // Busy or partial: who kept it waiting, looked at now (before anything else runs here).
    if (r.busy || r.partial()) {
        r.blockedByLooked = true;
        r.blockedBy = CheckpointBlockers::after(db.path(), mode, &seen, QCoreApplication::applicationPid());
    }
    qCInfo(lcDiag).noquote() << "checkpoint" << CheckpointResult::modeName(mode) << "rc" << r.rc << "busy"
                             << r.busy << "log" << log << "checkpointed" << done << "wal" << r.walBytesBefore
                             << "->" << r.walBytesAfter << "in" << r.elapsedMs << "ms"
                             << (r.cancelled ? "(cancelled)" : "");
    return r;
}

} // namespace kalito
