#pragma once

#include "dberror.h"

#include <QString>

namespace kalito {

// Looks at a path before SQLite is allowed near it: the file type (a FIFO can hang SQLite),
// permissions, and the 100-byte header (a zero-byte file would silently become a database).
struct FileProbe
{
    DbError error;
    QString absolutePath;
    qint64 size = 0;
    bool walHeader = false; // header bytes 18/19 == 2: the database is in WAL mode
    int pageSize = 0;
    uint ownerUid = 0;
    bool directoryWritable = false;
    bool companionsMissing = false; // no -shm yet: opening creates -wal/-shm

    // Must only be called while this process has no SQLite connection on the file: opening and
    // closing a descriptor on it would drop that connection's POSIX locks. Database enforces this.
    static FileProbe inspect(const QString &path);
    // For a path that is about to be created (demo database): it must not exist yet.
    static FileProbe inspectNew(const QString &path);
};

} // namespace kalito
