#pragma once

#include <QByteArray>
#include <QString>

namespace kalito {

// The 32-byte big-endian header of a -wal file. Opening the -wal is safe (SQLite locks no bytes
// in it), but ChildProbe reads it together with the -shm so both come from the same moment.
struct WalFileHeader
{
    bool present = false;           // 32 bytes were given
    bool magicOk = false;           // 0x377f0682 or 0x377f0683
    bool bigEndianChecksum = false; // magic 0x377f0683
    quint32 version = 0;
    int pageSize = 0;
    quint32 checkpointSequence = 0;
    quint32 salt1 = 0;
    quint32 salt2 = 0;
    qint64 fileBytes = 0; // size of the -wal file when it was read

    bool isValid() const { return present && magicOk; }
    // Frame slots the file has room for; NOT live frames (a reset WAL is overwritten, not cut).
    qint64 frameSlots() const;

    static WalFileHeader parse(const QByteArray &first32Bytes, qint64 fileBytes);
};

} // namespace kalito
