#pragma once

#include <QByteArray>
#include <QString>

#include <array>

namespace kalito {

// The header of a -shm file (the WAL-index), as SQLite's unix VFS lays it out in native byte
// order (see sqlite-wal-and-locks.md). Parsing is a pure function of bytes so that tests can feed
// it real -shm contents; reading those bytes is ChildProbe's job (never in a process that holds a
// connection: closing the descriptor would drop that connection's locks).
struct WalIndexHeader
{
    static constexpr int kBytesNeeded = 136; // both copies, checkpoint info, nBackfillAttempted
    static constexpr quint32 kUnusedMark = 0xFFFFFFFFu;

    bool present = false;    // enough bytes were given
    bool consistent = false; // the two copies are equal
    bool checksumOk = false; // aCksum matches bytes 0..39
    bool isInit = false;
    quint32 version = 0; // iVersion, 3007000
    quint32 change = 0;  // iChange, bumped by each write transaction
    bool bigEndianChecksum = false;
    int pageSize = 0;    // szPage decoded (1 means 65536)
    quint32 mxFrame = 0; // last valid frame in the WAL
    quint32 nPage = 0;   // database size in pages after the last commit
    std::array<quint32, 2> salt{{0, 0}};
    quint32 nBackfill = 0; // frames already copied into the database
    std::array<quint32, 5> readMarks{{0, 0, 0, 0, 0}};
    quint32 nBackfillAttempted = 0;

    // Valid means SQLite itself would trust this header (as far as bytes alone can tell; a -shm
    // nobody holds open is stale even when valid).
    bool isValid() const { return present && consistent && checksumOk && isInit; }
    quint32 backlog() const { return mxFrame > nBackfill ? mxFrame - nBackfill : 0; }
    bool slotUsed(int slot) const { return readMarks.at(size_t(slot)) != kUnusedMark; }

    static WalIndexHeader parse(const QByteArray &shmBytes);
    // SQLite's WAL checksum over native-order 32-bit words (len a multiple of 8).
    static std::array<quint32, 2> checksum(const uchar *data, int len);
};

} // namespace kalito
