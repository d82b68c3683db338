#include "sqliteheader.h"

namespace kalito {

bool SqliteHeader::fieldsValid() const
{
    const bool pageSizeOk = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0;
    return pageSizeOk && writeVersion >= 1 && writeVersion <= 2 && readVersion >= 1 && readVersion <= 2;
}

SqliteHeader SqliteHeader::parse(const QByteArray &bytes)
{
    SqliteHeader h;
    h.complete = bytes.size() >= kBytes;
    h.magicOk = bytes.startsWith(QByteArray("SQLite format 3\0", 16));
    if (bytes.size() < 20)
        return h;
    const auto at = [&bytes](int i) { return int(uchar(bytes.at(i))); };
    h.rawPageSize = (at(16) << 8) | at(17);
    h.pageSize = h.rawPageSize == 1 ? 65536 : h.rawPageSize;
    h.writeVersion = at(18);
    h.readVersion = at(19);
    return h;
}

} // namespace kalito
