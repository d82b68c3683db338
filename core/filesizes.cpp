#include "filesizes.h"

#include <QFile>
#include <sys/stat.h>

namespace kalito {

namespace {

bool sizeOf(const QString &path, qint64 *size)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    *size = st.st_size;
    return true;
}

} // namespace

FileSizes FileSizes::of(const QString &databasePath)
{
    FileSizes s;
    sizeOf(databasePath, &s.dbBytes);
    s.walExists = sizeOf(databasePath + QStringLiteral("-wal"), &s.walBytes);
    s.shmExists = sizeOf(databasePath + QStringLiteral("-shm"), &s.shmBytes);
    return s;
}

} // namespace kalito
