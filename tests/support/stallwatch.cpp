#include "stallwatch.h"

#include "stallsampler.h"

#include <QCoreApplication>
#include <QDebug>
#include <QFile>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace kalito::test {

namespace {

// The watches alive, for Pause (test code runs on the GUI thread, where they live).
QList<StallWatch *> &watches()
{
    static QList<StallWatch *> list;
    return list;
}

// Nanoseconds this thread has spent runnable but waiting for a CPU, or -1 (no schedstat).
qint64 runQueueWaitNs()
{
    const int fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buf[128];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    unsigned long long running = 0, waiting = 0;
    if (std::sscanf(buf, "%llu %llu", &running, &waiting) != 2)
        return -1;
    return qint64(waiting);
}

} // namespace

StallWatch::Pause::Pause()
{
    for (StallWatch *w : watches()) {
        if (w->thread() == QThread::currentThread()) {
            w->pause();
            m_active = true;
        }
    }
}

StallWatch::Pause::~Pause()
{
    if (!m_active)
        return;
    for (StallWatch *w : watches()) {
        if (w->thread() == QThread::currentThread())
            w->resume();
    }
}

StallWatch::StallWatch(QObject *parent) : QObject(parent)
{
    watches().append(this);
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallWatch::tick);
}

StallWatch::~StallWatch()
{
    watches().removeAll(this);
}

void StallWatch::pause()
{
    if (m_pauses > 0) {
        ++m_pauses;
        return;
    }
    if (m_timer.isActive())
        tick(); // the gap up to here is the product's (or the event loop's)
    m_pauses = 1;
    StallSampler::setPaused(true);
    m_pausedAtMs = m_clock.elapsed();
}

void StallWatch::resume()
{
    if (m_pauses == 0 || --m_pauses > 0)
        return;
    // Start counting again from now: the paused stretch was the test's own work.
    const qint64 now = m_clock.elapsed();
    m_pausedMs += now - m_pausedAtMs;
    m_lastTickMs = now;
    m_lastWaitNs = runQueueWaitNs();
    StallSampler::setPaused(false);
}

QString StallWatch::describeOver(qint64 thresholdMs) const
{
    QStringList parts;
    for (const Stall &s : stallsOver(thresholdMs))
        parts << QStringLiteral("%1 ms ending at %2 s (and %3 ms waiting for a CPU)")
                     .arg(s.durationMs)
                     .arg(double(s.atMs) / 1000.0, 0, 'f', 2)
                     .arg(s.cpuWaitMs);
    return parts.join(QStringLiteral(", "));
}

void StallWatch::start()
{
    StallSampler::startIfAsked();
    StallSampler::setPaused(false);
    reset();
    m_timer.start();
}

void StallWatch::stop()
{
    if (m_timer.isActive())
        tick(); // a stall that is still going on when stop() is called counts too
    m_timer.stop();
    StallSampler::setPaused(true);
}

void StallWatch::reset()
{
    m_clock.start();
    m_lastTickMs = 0;
    m_longestMs = 0;
    m_longestWallMs = 0;
    m_lastWaitNs = runQueueWaitNs();
    m_stalls.clear();
}

QList<StallWatch::Stall> StallWatch::stallsOver(qint64 thresholdMs) const
{
    QList<Stall> over;
    for (const Stall &s : m_stalls) {
        if (s.durationMs >= thresholdMs)
            over.append(s);
    }
    return over;
}

qint64 StallWatch::enforcedLimitMs()
{
    bool ok = false;
    const qint64 limit = qEnvironmentVariable("KALITO_STALL_LIMIT_MS").toLongLong(&ok);
    return ok && limit > 0 ? limit : -1;
}

bool StallWatch::report(const QString &where, QString *why) const
{
    const QString test = QCoreApplication::applicationName();
    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    qInfo().noquote() << "longest GUI stall" << where << m_longestMs << "ms (wall" << m_longestWallMs
                      << "ms; goal" << kGoalMs << "ms)";
    const QString path = qEnvironmentVariable("KALITO_STALL_REPORT");
    if (!path.isEmpty() && !sanitized()) {
        // One line per watch: test, function, where, longest, longest wall, the stalls over the goal.
        QFile file(path);
        if (file.open(QIODevice::Append | QIODevice::Text)) {
            const QString line = QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                                     .arg(test, function, where)
                                     .arg(m_longestMs)
                                     .arg(m_longestWallMs)
                                     .arg(describeOver(kGoalMs + 1));
            file.write(line.toUtf8());
        }
    }
    const qint64 limit = enforcedLimitMs();
    if (limit < 0 || sanitized() || m_longestMs <= limit)
        return true;
    if (why)
        *why = QStringLiteral("the GUI event loop stalled over %1 ms (KALITO_STALL_LIMIT_MS): %2")
                   .arg(limit)
                   .arg(describeOver(limit + 1));
    return false;
}

bool StallWatch::sanitized()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

void StallWatch::tick()
{
    if (m_pauses > 0)
        return; // a tick delivered inside a paused stretch (a helper that runs the event loop)
    StallSampler::beat();
    const qint64 now = m_clock.elapsed();
    const qint64 wall = now - m_lastTickMs - kIntervalMs;
    const qint64 waitNs = runQueueWaitNs();
    const qint64 cpuWait = waitNs >= 0 && m_lastWaitNs >= 0 ? (waitNs - m_lastWaitNs) / 1000000 : 0;
    m_lastWaitNs = waitNs;
    m_lastTickMs = now;
    const qint64 stall = wall - cpuWait;
    m_longestWallMs = qMax(m_longestWallMs, wall);
    if (stall > m_longestMs)
        m_longestMs = stall;
    if (stall >= kRecordFromMs)
        m_stalls.append({now, stall, cpuWait});
}

} // namespace kalito::test
