#pragma once

#include <QString>

namespace kalito {

// Who holds which SQLite lock, as `locks --watch` sees it: what a transition (LockTransition), a
// hold over time (LockRecording::Span) and a watch's summary (LockHoldSummary::Entry) share. Each
// of them is a LockHold and copies these fields as one: hold() = other.hold().
struct LockHold
{
    qint64 pid = 0;
    QString cmdline; // shortened (ProcessScan::commandLineOf), looked up when first seen
    QString user;
    QString file; // "db" or "shm"
    QString lock; // LockNames: wal-write, checkpoint, recover, read0..4, dms, shared, ...
    bool write = false;

    LockHold &hold() { return *this; }
    const LockHold &hold() const { return *this; }
    // One process's one lock on one file (the same lock taken again has the same key).
    QString key() const { return keyOf(pid, file, lock); }
    static QString keyOf(qint64 pid, const QString &file, const QString &lock)
    {
        return QStringLiteral("%1/%2/%3").arg(pid).arg(file, lock);
    }
    bool operator==(const LockHold &o) const
    {
        return pid == o.pid && cmdline == o.cmdline && user == o.user && file == o.file && lock == o.lock &&
               write == o.write;
    }
};

} // namespace kalito
