#pragma once

#include "lockfinding.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace kalito {

struct LockReport;
class LockHistory;

// One edge of the wait-for graph: a lock some process holds and what it keeps from going on.
// Either an operation any other connection would be refused (after its busy timeout) while the
// lock is held, or a process seen waiting for it (blockedPid, e.g. a checkpointer and its readers).
struct LockEdge
{
    qint64 holder = 0;
    QString file; // "db" or "shm"
    QString lock; // LockNames: wal-write, checkpoint, recover, read0..read4, dms, shared, ...
    // begin-immediate, write, read, commit, open, checkpoint-passive, checkpoint-full,
    // checkpoint-restart, checkpoint-truncate, wal-reset
    QString operation;
    qint64 blockedPid = 0; // 0: no particular process is known to wait

    QJsonObject toJson() const;
    bool operator==(const LockEdge &o) const
    {
        return holder == o.holder && file == o.file && lock == o.lock && operation == o.operation &&
               blockedPid == o.blockedPid;
    }
};

// The lock-state table of docs/locks.md applied to one lock report: each row that matches the
// locks held becomes edges (who blocks what) and one finding naming the holder (pid, command
// line, user), the lock, what it blocks and for how long it has been seen (worded by LockText).
class LockGraph
{
public:
    static LockGraph build(const LockReport &report, const LockHistory *history = nullptr);

    QList<LockEdge> edges;
    QList<LockFinding> findings;
    QStringList sentences; // the findings in words (LockText)

private:
    static bool held(const LockReport &r, qint64 pid, const char *file, const QString &lock, bool write);
    static bool held(const LockReport &r, qint64 pid, const char *file, const char *lock, bool write);
    static bool holdsAny(const LockReport &r, qint64 pid, const char *file);
    // How long the lock has been seen held, from the history of earlier looks; -1: just now.
    static qint64 heldFor(const LockHistory *history, qint64 pid, const char *file, const QString &lock);
    static QList<qint64> pidsOf(const LockReport &r);
    static LockFinding finding(LockFinding::Kind kind, const LockReport &r, qint64 pid, qint64 heldForMs);

    void add(const LockFinding &f);
    void addEdge(const LockEdge &e);
    void addEdges(qint64 holder, const QString &file, const QString &lock, const QStringList &operations);
    void buildWal(const LockReport &r, const LockHistory *history);
    void buildRollback(const LockReport &r, const LockHistory *history);
    void walExclusive(const LockReport &r, const LockHistory *history, qint64 pid);
    void walCheckpointer(const LockReport &r, const LockHistory *history, qint64 pid, bool holdsWrite);
    void walReader(const LockReport &r, const LockHistory *history, qint64 pid, int slot);
};

} // namespace kalito
