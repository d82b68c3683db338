#include "proclocklistener.h"

#include "proclocks.h"

#include <chrono>

namespace kalito::test {

ProcLockListener::ProcLockListener(const QString &dbPath, qint64 pid) : m_db(dbPath), m_pid(pid) {}

ProcLockListener::~ProcLockListener()
{
    stop();
}

void ProcLockListener::start()
{
    m_running = true;
    m_thread = std::thread([this] {
        while (m_running.load()) {
            sampleOnce();
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    });
}

void ProcLockListener::stop()
{
    m_running = false;
    if (m_thread.joinable())
        m_thread.join();
}

void ProcLockListener::sampleOnce()
{
    const QList<ProcLock> all = ProcLocks::read();
    QStringList found;
    for (const ProcLock &l : ProcLocks::on(m_db, all)) {
        if (l.pid == m_pid && l.write)
            found << QStringLiteral("database file: WRITE %1-%2").arg(l.start).arg(l.end);
    }
    for (const ProcLock &l : ProcLocks::on(m_db + QStringLiteral("-shm"), all)) {
        if (l.pid == m_pid && l.write && l.start <= 120 && (l.end < 0 || l.end >= 120))
            found << QStringLiteral("-shm: WRITE %1-%2 (the WAL write lock)").arg(l.start).arg(l.end);
    }
    ++m_samples;
    if (found.isEmpty())
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const QString &f : found) {
        if (!m_seen.contains(f))
            m_seen << f;
    }
}

QStringList ProcLockListener::writeLocksSeen() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_seen;
}

} // namespace kalito::test
