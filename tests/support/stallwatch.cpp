#include "stallwatch.h"

#include "stallsampler.h"

#include <QThread>

namespace kalito::test {

namespace {

// The watches alive, for Pause (test code runs on the GUI thread, where they live).
QList<StallWatch *> &watches()
{
    static QList<StallWatch *> list;
    return list;
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
    StallSampler::setPaused(false);
}

QString StallWatch::describeOver(qint64 thresholdMs) const
{
    QStringList parts;
    for (const Stall &s : stallsOver(thresholdMs))
        parts << QStringLiteral("%1 ms ending at %2 s")
                     .arg(s.durationMs)
                     .arg(double(s.atMs) / 1000.0, 0, 'f', 2);
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
    const qint64 stall = now - m_lastTickMs - kIntervalMs;
    m_lastTickMs = now;
    if (stall > m_longestMs)
        m_longestMs = stall;
    if (stall >= kRecordFromMs)
        m_stalls.append({now, stall});
}

} // namespace kalito::test
