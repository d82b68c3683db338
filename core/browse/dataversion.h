#pragma once

#include "dberror.h"

namespace kalito {

class Database;

// PRAGMA data_version: a number that changes when another connection commits. What the window's
// DataVersionWatcher polls to learn that the backend wrote; the reliability tests poll through
// it too, so they watch for writes the way the window does.
class DataVersion
{
public:
    // -1 (and error set) when the pragma cannot run.
    static qint64 read(Database &db, DbError *error = nullptr);
};

} // namespace kalito
