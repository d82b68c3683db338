#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <mutex>
#include <thread>

namespace kalito::test {

// Watches /proc/locks from a background thread (no descriptor on the database, see the close()
// trap) and records every write lock one process takes that a reader never needs: any WRITE lock
// on the database file (RESERVED, PENDING, EXCLUSIVE) or on byte 120 of the -shm (the WAL write
// lock, held by writers and by FULL/RESTART/TRUNCATE checkpoints).
class ProcLockListener
{
public:
    ProcLockListener(const QString &dbPath, qint64 pid);
    ~ProcLockListener();

    void start();
    void stop();
    // One pass, usable from any thread (also while stopped).
    void sampleOnce();

    int samples() const { return m_samples.load(); }
    QStringList writeLocksSeen() const;

private:
    QString m_db;
    qint64 m_pid;
    std::atomic<bool> m_running{false};
    std::atomic<int> m_samples{0};
    std::thread m_thread;
    mutable std::mutex m_mutex;
    QStringList m_seen;
};

} // namespace kalito::test
