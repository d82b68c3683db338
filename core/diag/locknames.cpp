#include "locknames.h"

#include <QStringList>

namespace kalito {

namespace {

bool covers(qint64 start, qint64 end, qint64 first, qint64 last)
{
    return start <= last && (end < 0 || end >= first);
}

} // namespace

QString LockNames::shmName(qint64 offset)
{
    switch (offset) {
    case 120:
        return QStringLiteral("wal-write");
    case 121:
        return QStringLiteral("checkpoint");
    case 122:
        return QStringLiteral("recover");
    case 128:
        return QStringLiteral("dms");
    default:
        break;
    }
    if (offset >= 123 && offset <= 127)
        return QStringLiteral("read%1").arg(offset - 123);
    return QString();
}

int LockNames::readSlot(const QString &name)
{
    if (name.size() == 5 && name.startsWith(QLatin1String("read"))) {
        const int slot = name.at(4).digitValue();
        return slot >= 0 && slot <= 4 ? slot : -1;
    }
    return -1;
}

QList<LockNames::Named> LockNames::onShm(qint64 start, qint64 end, bool write)
{
    QList<Named> names;
    for (qint64 b = kShmFirst; b <= kShmLast; ++b) {
        if (covers(start, end, b, b))
            names.append({shmName(b), write});
    }
    return names;
}

QList<LockNames::Named> LockNames::onDb(qint64 start, qint64 end, bool write)
{
    // A PENDING or RESERVED lock is always a write lock in the unix VFS; a read lock on PENDING is
    // taken for a moment while acquiring SHARED, so it is reported as pending (read).
    QList<Named> names;
    if (covers(start, end, kPending, kPending))
        names.append({QStringLiteral("pending"), write});
    if (covers(start, end, kReserved, kReserved))
        names.append({QStringLiteral("reserved"), write});
    if (covers(start, end, kSharedFirst, kSharedFirst + kSharedSize - 1))
        names.append({write ? QStringLiteral("exclusive") : QStringLiteral("shared"), write});
    return names;
}

int LockNames::order(const QString &name)
{
    static const QStringList order = {
        QStringLiteral("wal-write"), QStringLiteral("checkpoint"), QStringLiteral("recover"),
        QStringLiteral("read0"),     QStringLiteral("read1"),      QStringLiteral("read2"),
        QStringLiteral("read3"),     QStringLiteral("read4"),      QStringLiteral("dms"),
        QStringLiteral("exclusive"), QStringLiteral("pending"),    QStringLiteral("reserved"),
        QStringLiteral("shared")};
    return int(order.indexOf(name));
}

} // namespace kalito
