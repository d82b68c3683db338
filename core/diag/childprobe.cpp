#include "childprobe.h"

#include "locknames.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace kalito {

namespace {

class Fd
{
public:
    explicit Fd(const QString &path) : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC))
    {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    bool ok() const { return m_fd >= 0; }

private:
    int m_fd;
};

QByteArray preadBytes(int fd, int count)
{
    QByteArray b(count, '\0');
    const ssize_t n = ::pread(fd, b.data(), size_t(count), 0);
    b.truncate(n > 0 ? int(n) : 0);
    return b;
}

// Who holds a lock on one byte: F_WRLCK finds any holder, F_RDLCK only a writer (a writer can
// hide behind readers in the first question; F_GETLK names one holder per question).
void probeByte(int fd, qint64 offset, QList<QPair<qint64, bool>> *holders)
{
    for (short type : {short(F_WRLCK), short(F_RDLCK)}) {
        struct flock fl;
        std::memset(&fl, 0, sizeof fl);
        fl.l_type = type;
        fl.l_whence = SEEK_SET;
        fl.l_start = off_t(offset);
        fl.l_len = 1;
        if (::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) {
            const QPair<qint64, bool> h(qint64(fl.l_pid), fl.l_type == F_WRLCK);
            if (!holders->contains(h))
                holders->append(h);
        }
    }
}

void addLocks(ProbeResult *r, const QString &file, const QString &lock,
              const QList<QPair<qint64, bool>> &holders)
{
    for (const auto &h : holders) {
        QString name = lock;
        if (name == QLatin1String("shared") && h.second)
            name = QStringLiteral("exclusive");
        ProbeResult::Lock l{file, name, h.first, h.second};
        bool seen = false;
        for (const ProbeResult::Lock &o : std::as_const(r->locks))
            seen |= o.file == l.file && o.lock == l.lock && o.pid == l.pid && o.write == l.write;
        if (!seen)
            r->locks.append(l);
    }
}

qint64 sizeOf(const QString &path, bool *exists)
{
    struct stat st;
    *exists = ::stat(QFile::encodeName(path).constData(), &st) == 0;
    return *exists ? qint64(st.st_size) : 0;
}

} // namespace

ProbeResult ChildProbe::probeHere(const QString &databasePath)
{
    ProbeResult r;
    r.path = QFileInfo(databasePath).absoluteFilePath();
    r.probePid = ::getpid();
    r.parentPid = ::getppid();
    const QString shmPath = r.path + QStringLiteral("-shm");
    const QString walPath = r.path + QStringLiteral("-wal");

    sizeOf(r.path, &r.dbExists);
    if (!r.dbExists) {
        r.error = DbError::make(DbError::Kind::NotFound, DbError::Reason::FileMissing, r.path);
        return r;
    }
    Fd db(r.path);
    if (!db.ok()) {
        r.error = DbError::make(DbError::Kind::Unreadable, DbError::Reason::CannotOpenFile, r.path, {},
                                QString::fromLocal8Bit(std::strerror(errno)));
        return r;
    }
    r.dbHeader = preadBytes(db.get(), 100);

    r.walBytes = sizeOf(walPath, &r.walExists);
    if (r.walExists) {
        Fd wal(walPath);
        if (wal.ok())
            r.walHeaderBytes = preadBytes(wal.get(), 32);
    }

    r.shmBytes = sizeOf(shmPath, &r.shmExists);
    std::unique_ptr<Fd> shm;
    if (r.shmExists) {
        shm = std::make_unique<Fd>(shmPath);
        if (!shm->ok()) {
            r.shmError = DbError::make(DbError::Kind::Unreadable, DbError::Reason::CannotOpenFile, shmPath,
                                       {}, QString::fromLocal8Bit(std::strerror(errno)));
        } else {
            // The header may be rewritten while we read: retry until both copies agree.
            for (r.shmReads = 1; r.shmReads <= 5; ++r.shmReads) {
                r.shmHeaderBytes = preadBytes(shm->get(), WalIndexHeader::kBytesNeeded);
                const WalIndexHeader h = WalIndexHeader::parse(r.shmHeaderBytes);
                if (!h.present || (h.consistent && h.checksumOk))
                    break;
                ::usleep(1000);
            }
        }
    }

    for (qint64 b = LockNames::kShmFirst; shm && shm->ok() && b <= LockNames::kShmLast; ++b) {
        QList<QPair<qint64, bool>> holders;
        probeByte(shm->get(), b, &holders);
        addLocks(&r, QStringLiteral("shm"), LockNames::shmName(b), holders);
    }
    QList<QPair<qint64, bool>> holders;
    probeByte(db.get(), LockNames::kPending, &holders);
    addLocks(&r, QStringLiteral("db"), QStringLiteral("pending"), holders);
    holders.clear();
    probeByte(db.get(), LockNames::kReserved, &holders);
    addLocks(&r, QStringLiteral("db"), QStringLiteral("reserved"), holders);
    holders.clear();
    for (int i = 0; i < LockNames::kSharedSize; ++i)
        probeByte(db.get(), LockNames::kSharedFirst + i, &holders);
    addLocks(&r, QStringLiteral("db"), QStringLiteral("shared"), holders);
    return r;
}

} // namespace kalito
