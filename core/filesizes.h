#pragma once

#include <QString>

namespace kalito {

// Sizes of the database and its companions, from stat() alone (no descriptor is opened).
struct FileSizes
{
    qint64 dbBytes = 0;
    qint64 walBytes = 0; // 0 when the file does not exist
    qint64 shmBytes = 0;
    bool walExists = false;
    bool shmExists = false;
    // Modification times (ns since the epoch): a commit or a checkpoint moves them, so a watcher
    // can tell that the WAL-index is worth reading again without reading it.
    qint64 dbModifiedNs = 0;
    qint64 walModifiedNs = 0;

    static FileSizes of(const QString &databasePath);
};

} // namespace kalito
