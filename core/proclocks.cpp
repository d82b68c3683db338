#include "proclocks.h"

#include <QFile>
#include <QSet>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace kalito {

namespace {

const char kProcLocks[] = "/proc/locks";

bool deviceAndInode(const QString &path, quint64 *device, quint64 *inode)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    *device = st.st_dev;
    *inode = st.st_ino;
    return true;
}

} // namespace

bool ProcLocks::available()
{
    return ::access(kProcLocks, R_OK) == 0;
}

QList<ProcLock> ProcLocks::parse(const QByteArray &text)
{
    // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 120 120"; blocked waiters start with "1: ->".
    QList<ProcLock> locks;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 8 || f.at(1) == "->")
            continue;
        ProcLock l;
        l.type = QString::fromLatin1(f.at(1));
        l.write = f.at(3) == "WRITE";
        bool ok = false;
        l.pid = f.at(4).toLongLong(&ok);
        if (!ok)
            continue;
        const QList<QByteArray> dev = f.at(5).split(':');
        if (dev.size() != 3)
            continue;
        const unsigned maj = dev.at(0).toUInt(nullptr, 16);
        const unsigned min = dev.at(1).toUInt(nullptr, 16);
        l.device = makedev(maj, min);
        l.inode = dev.at(2).toULongLong();
        l.start = f.at(6).toLongLong();
        l.end = f.at(7) == "EOF" ? -1 : f.at(7).toLongLong();
        locks << l;
    }
    return locks;
}

QList<ProcLock> ProcLocks::read()
{
    QFile f(QString::fromLatin1(kProcLocks));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // /proc files report size 0: read until the end rather than by size.
    return parse(f.readAll());
}

QList<ProcLock> ProcLocks::on(const QString &path, const QList<ProcLock> &all)
{
    quint64 device = 0, inode = 0;
    QList<ProcLock> mine;
    if (!deviceAndInode(path, &device, &inode))
        return mine;
    for (const ProcLock &l : all) {
        if (l.device == device && l.inode == inode)
            mine << l;
    }
    return mine;
}

int ProcLocks::otherProcessesHolding(const QString &databasePath)
{
    if (!available())
        return -1;
    const QList<ProcLock> all = read();
    const qint64 self = ::getpid();
    QSet<qint64> others;
    for (const QString &p : {databasePath, databasePath + QStringLiteral("-shm")}) {
        for (const ProcLock &l : on(p, all)) {
            if (l.pid != self)
                others.insert(l.pid);
        }
    }
    return int(others.size());
}

} // namespace kalito
