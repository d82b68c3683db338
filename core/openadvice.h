#pragma once

#include "dberror.h"

#include <QString>

namespace kalito {

// What opening a database would do to the folder it lives in, said BEFORE opening it.
// SQLite creates kalito.db-wal and kalito.db-shm beside a WAL database that has none, owned by
// whoever opens it. Run as another user than the database's owner (the inspector as a maintainer,
// the backend as its service user), that leaves files the backend may be unable to write, after
// which it fails with "attempt to write a readonly database". The window warns and offers to open
// a read-only copy instead (ReadOnlyCopy); the command line prints the warning. Core gives the
// facts; OpenText::advice (core/text) words them for both.
struct OpenAdvice
{
    DbError error;                  // the file cannot be opened at all (the same error open() gives)
    bool createsCompanions = false; // opening creates -wal and/or -shm beside the database
    uint databaseOwner = 0;
    uint companionOwner = 0;   // who would own them
    bool foreignOwner = false; // ... and that is not the database's owner
    bool cannotCreate = false; // ... and the folder is not writable: the open will fail
    QString path;              // the database, absolute
    QString fileName;          // its name alone (the companions are fileName-wal, fileName-shm)

    bool offerCopy() const { return foreignOwner || cannotCreate; }
    bool hasWarning() const { return offerCopy(); }

    // Reads the file's header (FileProbe): never for a file this process has a connection on;
    // for such a path it returns an empty advice (the companions exist already).
    static OpenAdvice before(const QString &path, bool readOnly);
};

} // namespace kalito
