#include "stallwatch.h"

namespace kalito::test {

StallWatch::StallWatch(QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallWatch::tick);
}

void StallWatch::start()
{
    reset();
    m_timer.start();
}

void StallWatch::stop()
{
    if (m_timer.isActive())
        tick(); // a stall that is still going on when stop() is called counts too
    m_timer.stop();
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
    const qint64 now = m_clock.elapsed();
    const qint64 stall = now - m_lastTickMs - kIntervalMs;
    m_lastTickMs = now;
    if (stall > m_longestMs)
        m_longestMs = stall;
    if (stall >= kRecordFromMs)
        m_stalls.append({now, stall});
}

} // namespace kalito::test
