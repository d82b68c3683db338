#pragma once

#include "dberror.h"
#include "walfileheader.h"
#include "walindexheader.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace kalito {

// What a child process saw of a database's files at one moment: the raw headers of the
// database, -shm and -wal, and for each SQLite lock byte the holder fcntl(F_GETLK) reports.
// Produced by ChildProbe (in the child), carried as JSON, parsed back here (in the parent).
struct ProbeResult
{
    // One answer of fcntl(F_GETLK): a lock some process (never the prober itself) holds.
    struct Lock
    {
        QString file; // "db" or "shm"
        QString lock; // LockNames: wal-write ... dms, pending, reserved, shared, exclusive
        qint64 pid = 0;
        bool write = false;
    };

    QString path;
    DbError error; // the probe could not run or the database could not be read
    qint64 probePid = 0;
    qint64 parentPid = 0;

    bool dbExists = false;
    QByteArray dbHeader; // first 100 bytes
    bool shmExists = false;
    qint64 shmBytes = 0;
    QByteArray shmHeaderBytes; // first 136 bytes
    int shmReads = 0;          // attempts needed for a consistent copy
    DbError shmError;          // the -shm exists but could not be opened
    bool walExists = false;
    QByteArray walHeaderBytes; // first 32 bytes
    qint64 walBytes = 0;
    QList<Lock> locks;

    bool ok() const { return !error.isError(); }
    WalIndexHeader shm() const { return WalIndexHeader::parse(shmHeaderBytes); }
    WalFileHeader wal() const { return WalFileHeader::parse(walHeaderBytes, walBytes); }
    // Bytes 18 and 19 of the database header are 2 in WAL mode, 1 in rollback-journal mode.
    bool dbHeaderSaysWal() const;
    // Some process holds the DMS byte of the -shm, i.e. the WAL-index is live.
    bool dmsHeld() const;

    QJsonObject toJson() const;
    static ProbeResult fromJson(const QByteArray &json);
};

} // namespace kalito
Q_DECLARE_METATYPE(kalito::ProbeResult)
