#include "walfileheader.h"

#include <QtEndian>

namespace kalito {

WalFileHeader WalFileHeader::parse(const QByteArray &b, qint64 fileBytes)
{
    WalFileHeader h;
    h.fileBytes = fileBytes;
    if (b.size() < 32)
        return h;
    h.present = true;
    const auto *p = reinterpret_cast<const uchar *>(b.constData());
    const quint32 magic = qFromBigEndian<quint32>(p);
    h.magicOk = magic == 0x377f0682u || magic == 0x377f0683u;
    h.bigEndianChecksum = magic == 0x377f0683u;
    h.version = qFromBigEndian<quint32>(p + 4);
    const quint32 sz = qFromBigEndian<quint32>(p + 8);
    h.pageSize = sz == 1 ? 65536 : int(sz);
    h.checkpointSequence = qFromBigEndian<quint32>(p + 12);
    h.salt1 = qFromBigEndian<quint32>(p + 16);
    h.salt2 = qFromBigEndian<quint32>(p + 20);
    return h;
}

qint64 WalFileHeader::frameSlots() const
{
    if (!isValid() || pageSize <= 0 || fileBytes < 32)
        return 0;
    return (fileBytes - 32) / (pageSize + 24);
}

} // namespace kalito
