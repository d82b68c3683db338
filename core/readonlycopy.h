#pragma once

#include "dberror.h"

#include <QString>

#include <functional>

namespace kalito {

// A private copy of a database and its -wal (never the -shm), to open read-only without
// creating anything beside the original (see OpenAdvice). Copying opens the original files, so
// this process must have no connection on them (closing a descriptor would drop its locks):
// make() refuses otherwise. A backend may be writing meanwhile: the copy is accepted only if the
// WAL header (its salts and checkpoint sequence) is the same before and after, so no checkpoint
// reset happened in between and every page the database copy might have caught half-written is
// still in the copied WAL; SQLite's recovery then reads the copy as of its last whole commit.
struct ReadOnlyCopy
{
    DbError error;
    QString path;   // the copy of the database: open it with OpenOptions::readOnly
    QString folder; // a new folder holding the copy; the caller removes it when done
    bool walCopied = false;
    bool cancelled = false; // progress returned false: nothing is left behind
    int attempts = 0;

    // Called between chunks (on the copying thread) with the bytes copied so far and the total of
    // this attempt; returning false cancels: the folder and everything in it are removed.
    using Progress = std::function<bool(qint64 copied, qint64 total)>;

    // tempRoot: where to create the folder (default: the system's temporary folder). Runs for as
    // long as the files take to copy: call it off the GUI thread.
    static ReadOnlyCopy make(const QString &databasePath, const QString &tempRoot = QString(),
                             const Progress &progress = {});
};

} // namespace kalito
