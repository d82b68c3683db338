#pragma once

#include <QHash>
#include <QString>

namespace kalito {

// Remembers since when each (pid, file, lock) has been seen held, across repeated lock reports.
// Neither /proc/locks nor F_GETLK says when a lock was taken: a single look can only say
// "seen just now"; the window, which looks every few seconds, can say "seen held for 12 s".
class LockHistory
{
public:
    static QString key(qint64 pid, const QString &file, const QString &lock);
    // Starts a new observation: keys not in seenNow are forgotten, new ones start at nowMs.
    void observe(const QList<QString> &seenNow, qint64 nowMs);
    // Milliseconds the key has been seen held continuously, -1 when unknown or first seen now.
    qint64 heldForMs(const QString &key) const;

private:
    QHash<QString, qint64> m_firstSeen;
    qint64 m_now = 0;
};

} // namespace kalito
