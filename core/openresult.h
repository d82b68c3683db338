#pragma once

#include "dberror.h"
#include "pragmasetting.h"

#include <QMetaType>

namespace kalito {

struct OpenResult
{
    DbError error;
    QString path; // absolute
    bool readOnly = false;
    QString sqliteVersion;
    bool nativeAvailable = false; // the sqlite3* handle is usable (same library as Qt's driver)
    QString nativeProblem;        // why native-only features are disabled
    PragmaSettings pragmas;
    QStringList warnings; // things the user should know, e.g. -wal/-shm created by this open

    bool ok() const { return !error.isError(); }
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::OpenResult)
