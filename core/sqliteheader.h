#pragma once

#include <QByteArray>

namespace kalito {

// The first 100 bytes of a SQLite database file, read once here: FileProbe decides from it whether
// SQLite may be let near a path, and ProbeResult whether the child saw a database in WAL mode.
struct SqliteHeader
{
    static constexpr int kBytes = 100;

    bool complete = false; // all 100 bytes were given
    bool magicOk = false;  // "SQLite format 3" and its NUL
    int rawPageSize = 0;   // bytes 16-17 as stored (1 means 65536)
    int pageSize = 0;
    int writeVersion = 0; // byte 18: 1 rollback journal, 2 WAL
    int readVersion = 0;  // byte 19: likewise

    // The page size a power of two in 512..65536 and both versions 1 or 2.
    bool fieldsValid() const;
    // Bytes 18 and 19 are 2: the database is in WAL mode.
    bool isWal() const { return magicOk && writeVersion == 2 && readVersion == 2; }

    static SqliteHeader parse(const QByteArray &bytes);
};

} // namespace kalito
