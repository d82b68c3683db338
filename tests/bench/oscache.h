#pragma once

#include <QString>

// Dropping a database from the OS page cache, for the benchmark's cold runs.
//
// posix_fadvise(POSIX_FADV_DONTNEED) needs a descriptor on the file, and closing any descriptor
// on a file drops every POSIX lock this process holds on it (see ../shared/docs): so this refuses
// while a Database of this process has the file open. Call it between runs, once the window and
// its Connection are destroyed.
namespace OsCache {

struct Dropped
{
    QString error;              // empty on success
    double residentBefore = -1; // fraction of the database file's pages in the page cache
    double residentAfter = -1;
};

// Drops PATH, PATH-wal and PATH-shm (those that exist): written back first (fdatasync), so that
// no dirty page stays behind, then DONTNEED. Reports how much of PATH was resident before and after.
Dropped drop(const QString &path);
// The fraction of the file's pages in the page cache (mmap + mincore; no read of the data).
double residentFraction(const QString &path);

} // namespace OsCache
