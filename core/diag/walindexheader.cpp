#include "walindexheader.h"

#include <cstring>

namespace kalito {

namespace {

quint32 u32At(const QByteArray &b, int offset)
{
    quint32 v = 0;
    std::memcpy(&v, b.constData() + offset, sizeof v); // native order, as SQLite writes it
    return v;
}

quint16 u16At(const QByteArray &b, int offset)
{
    quint16 v = 0;
    std::memcpy(&v, b.constData() + offset, sizeof v);
    return v;
}

} // namespace

std::array<quint32, 2> WalIndexHeader::checksum(const uchar *data, int len)
{
    // walChecksumBytes() with nativeCksum=1: the index header is always summed in native order.
    quint32 s1 = 0, s2 = 0;
    for (int i = 0; i + 8 <= len; i += 8) {
        quint32 x0 = 0, x1 = 0;
        std::memcpy(&x0, data + i, 4);
        std::memcpy(&x1, data + i + 4, 4);
        s1 += x0 + s2;
        s2 += x1 + s1;
    }
    return {{s1, s2}};
}

WalIndexHeader WalIndexHeader::parse(const QByteArray &b)
{
    WalIndexHeader h;
    if (b.size() < kBytesNeeded)
        return h;
    h.present = true;
    h.consistent = std::memcmp(b.constData(), b.constData() + 48, 48) == 0;
    h.version = u32At(b, 0);
    h.change = u32At(b, 8);
    h.isInit = uchar(b.at(12)) == 1;
    h.bigEndianChecksum = uchar(b.at(13)) != 0;
    const quint16 sz = u16At(b, 14);
    h.pageSize = sz == 1 ? 65536 : int(sz);
    h.mxFrame = u32At(b, 16);
    h.nPage = u32At(b, 20);
    h.salt = {{u32At(b, 32), u32At(b, 36)}};
    const std::array<quint32, 2> sum = checksum(reinterpret_cast<const uchar *>(b.constData()), 40);
    h.checksumOk = sum[0] == u32At(b, 40) && sum[1] == u32At(b, 44);
    h.nBackfill = u32At(b, 96);
    for (int i = 0; i < 5; ++i)
        h.readMarks[size_t(i)] = u32At(b, 100 + 4 * i);
    h.nBackfillAttempted = u32At(b, 128);
    return h;
}

} // namespace kalito
