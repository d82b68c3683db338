#include "filesizes.h"

#include <QFile>
#include <sys/stat.h>

namespace kalito {

namespace {

bool sizeOf(const QString &path, qint64 *size, qint64 *modifiedNs = nullptr)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    *size = st.st_size;
    if (modifiedNs)
        *modifiedNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    return true;
}

} // namespace

FileSizes FileSizes::of(const QString &databasePath)
{
    FileSizes s;
    sizeOf(databasePath, &s.dbBytes, &s.dbModifiedNs);
    s.walExists = sizeOf(databasePath + QStringLiteral("-wal"), &s.walBytes, &s.walModifiedNs);
    s.shmExists = sizeOf(databasePath + QStringLiteral("-shm"), &s.shmBytes);
    return s;
}

} // namespace kalito
