#include "lockhistory.h"

#include <QSet>

namespace kalito {

QString LockHistory::key(qint64 pid, const QString &file, const QString &lock)
{
    return QStringLiteral("%1/%2/%3").arg(pid).arg(file, lock);
}

void LockHistory::observe(const QList<QString> &seenNow, qint64 nowMs)
{
    const QSet<QString> now(seenNow.cbegin(), seenNow.cend());
    for (auto it = m_firstSeen.begin(); it != m_firstSeen.end();) {
        if (!now.contains(it.key()))
            it = m_firstSeen.erase(it);
        else
            ++it;
    }
    for (const QString &k : now) {
        if (!m_firstSeen.contains(k))
            m_firstSeen.insert(k, nowMs);
    }
    m_now = nowMs;
}

qint64 LockHistory::heldForMs(const QString &key) const
{
    const auto it = m_firstSeen.constFind(key);
    if (it == m_firstSeen.constEnd() || it.value() >= m_now)
        return -1;
    return m_now - it.value();
}

} // namespace kalito
