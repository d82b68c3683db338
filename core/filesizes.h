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

    static FileSizes of(const QString &databasePath);
};

} // namespace kalito
