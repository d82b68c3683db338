#include "locksampler.h"

#include "fileprobe.h"

#include "childprobe.h"
#include "locknames.h"
#include "processscan.h"
#include "proclocks.h"
#include "walindexheader.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kalito {

namespace {

bool before(const LockTransition &a, const LockTransition &b)
{
    if (a.pid != b.pid)
        return a.pid < b.pid;
    if (a.file != b.file)
        return a.file > b.file; // shm first
    return LockNames::order(a.lock) < LockNames::order(b.lock);
}

} // namespace

LockSampler::LockSampler(const QString &databasePath)
    : m_path(QFileInfo(databasePath).absoluteFilePath()), m_shmPath(m_path + QStringLiteral("-shm")),
      m_procLocks(ProcLocks::available())
{}

DbError LockSampler::problemWith(const QString &databasePath)
{
    // The rule of status, check and locks (FileProbe: the type first, so a FIFO is never opened
    // for reading; then the header). No SQLite connection in this process: reading it is safe.
    return FileProbe::inspect(databasePath).error;
}

void LockSampler::readWalIndex()
{
    m_walKnown = false;
    const int fd = ::open(QFile::encodeName(m_shmPath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    // pread, never mmap: a first opener may truncate the -shm under us (sqlite-wal-and-locks.md).
    QByteArray bytes(WalIndexHeader::kBytesNeeded, '\0');
    for (int attempt = 0; attempt < 3 && !m_walKnown; ++attempt) {
        const ssize_t n = ::pread(fd, bytes.data(), size_t(bytes.size()), 0);
        if (n != bytes.size())
            break;
        const WalIndexHeader h = WalIndexHeader::parse(bytes);
        if (h.isValid()) {
            m_walKnown = true;
            m_mxFrame = h.mxFrame;
            m_nBackfill = h.nBackfill;
        }
    }
    ::close(fd);
}

QList<LockSampler::Seen> LockSampler::look()
{
    QList<Seen> seen;
    auto add = [&seen](qint64 pid, const QString &file, const LockNames::Named &n) {
        for (const Seen &s : std::as_const(seen)) {
            if (s.pid == pid && s.file == file && s.lock == n.lock)
                return;
        }
        seen.append({pid, file, n.lock, n.write});
    };
    if (m_procLocks) {
        const QList<ProcLock> all = ProcLocks::read();
        for (const QString &file : {QStringLiteral("db"), QStringLiteral("shm")}) {
            const bool db = file == QLatin1String("db");
            for (const ProcLock &pl : ProcLocks::on(db ? m_path : m_shmPath, all)) {
                if (pl.type == QLatin1String("FLOCK") || pl.pid <= 0)
                    continue; // whole-file flock() and OFD locks are not SQLite's byte locks
                const QList<LockNames::Named> names = db ? LockNames::onDb(pl.start, pl.end, pl.write)
                                                         : LockNames::onShm(pl.start, pl.end, pl.write);
                for (const LockNames::Named &n : names)
                    add(pl.pid, file, n);
            }
        }
    } else {
        // No /proc/locks (macOS, the BSDs): ask F_GETLK byte by byte, as the probe child does.
        for (const ProbeResult::Lock &l : ChildProbe::probeHere(m_path).locks)
            add(l.pid, l.file, {l.lock, l.write});
    }
    return seen;
}

void LockSampler::describe(qint64 pid, QString *cmdline, QString *user)
{
    auto it = m_processCache.constFind(pid);
    if (it == m_processCache.constEnd())
        it = m_processCache.insert(pid, {ProcessScan::commandLineOf(pid), ProcessScan::userOf(pid)});
    *cmdline = it->first;
    *user = it->second;
}

QList<LockTransition> LockSampler::sample(qint64 nowMs)
{
    const QList<Seen> seen = look();
    readWalIndex();
    if (nowMs < 0)
        nowMs = QDateTime::currentMSecsSinceEpoch();
    const bool first = m_samples++ == 0;
    if (!first)
        m_longestGapMs = qMax(m_longestGapMs, nowMs - m_lastSampleMs);
    m_lastSampleMs = nowMs;

    QSet<QString> now;
    QSet<qint64> pidsNow;
    QList<LockTransition> acquired, released;
    for (const Seen &s : seen) {
        const QString key = LockTransition::keyOf(s.pid, s.file, s.lock);
        now.insert(key);
        pidsNow.insert(s.pid);
        if (m_held.contains(key))
            continue;
        LockTransition t;
        t.kind = LockTransition::Acquired;
        t.timeMs = nowMs;
        t.pid = s.pid;
        describe(s.pid, &t.cmdline, &t.user);
        t.file = s.file;
        t.lock = s.lock;
        t.write = s.write;
        t.walKnown = m_walKnown;
        t.mxFrame = m_mxFrame;
        t.nBackfill = m_nBackfill;
        t.sinceStart = first;
        acquired.append(t);
    }
    for (auto it = m_held.begin(); it != m_held.end();) {
        if (now.contains(it.key())) {
            ++it;
            continue;
        }
        LockTransition t = it.value();
        t.kind = LockTransition::Released;
        t.heldMs = nowMs - t.timeMs;
        t.timeMs = nowMs;
        t.walKnown = m_walKnown;
        t.mxFrame = m_mxFrame;
        t.nBackfill = m_nBackfill;
        released.append(t);
        it = m_held.erase(it);
    }
    for (const LockTransition &t : std::as_const(acquired))
        m_held.insert(t.key(), t);
    // A pid that holds nothing any more may exit and be reused: look its command line up afresh.
    for (auto it = m_processCache.begin(); it != m_processCache.end();) {
        if (!pidsNow.contains(it.key()))
            it = m_processCache.erase(it);
        else
            ++it;
    }
    std::sort(released.begin(), released.end(), before);
    std::sort(acquired.begin(), acquired.end(), before);
    return released + acquired;
}

} // namespace kalito
