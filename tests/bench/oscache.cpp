#include "oscache.h"

#include "database.h"

#include <QFile>
#include <QFileInfo>

#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace OsCache {

namespace {

// Both helpers are only called while no connection of ours is on the file (see drop()).
double residentOf(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size == 0)
        return st.st_size == 0 ? 0.0 : -1.0;
    void *map = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        return -1;
    const long page = sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> in(size_t((st.st_size + page - 1) / page));
    double fraction = -1;
    if (mincore(map, size_t(st.st_size), in.data()) == 0) {
        size_t resident = 0;
        for (unsigned char c : in)
            resident += c & 1;
        fraction = double(resident) / double(in.size());
    }
    munmap(map, size_t(st.st_size));
    return fraction;
}

} // namespace

double residentFraction(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (kalito::Database::isOpenInThisProcess(absolute))
        return -1;
    const int fd = ::open(QFile::encodeName(absolute).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const double f = residentOf(fd);
    ::close(fd);
    return f;
}

Dropped drop(const QString &path)
{
    Dropped d;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (kalito::Database::isOpenInThisProcess(absolute)) {
        d.error = QStringLiteral("%1 is open in this process: dropping it from the cache would drop the "
                                 "connection's locks")
                      .arg(absolute);
        return d;
    }
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = absolute + QLatin1String(suffix);
        if (!QFileInfo::exists(file))
            continue;
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            d.error = QStringLiteral("cannot open %1").arg(file);
            return d;
        }
        if (*suffix == '\0')
            d.residentBefore = residentOf(fd);
        fdatasync(fd); // DONTNEED leaves dirty pages in the cache
        const int rc = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        if (*suffix == '\0')
            d.residentAfter = residentOf(fd);
        ::close(fd);
        if (rc != 0) {
            d.error = QStringLiteral("posix_fadvise(%1) failed: %2").arg(file).arg(rc);
            return d;
        }
    }
    return d;
}

} // namespace OsCache
