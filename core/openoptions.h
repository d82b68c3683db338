#pragma once

#include <QString>

namespace kalito {

struct OpenOptions
{
    QString path;
    bool readOnly = false;
    int busyTimeoutMs = 5000; // the backend's (better-sqlite3's) default
    // Only the demo generator creates files; every other open refuses a missing path.
    bool create = false;
};

} // namespace kalito
