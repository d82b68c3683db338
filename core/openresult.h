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
    DbError nativeProblem;        // why native-only features are disabled (Reason::NoNativeHandle)
    PragmaSettings pragmas;
    // What the user should know (OpenText::warnings words it):
    qint64 keptWalBytes = 0;        // a -wal no running program has open: shown, left as it is
    bool createsCompanions = false; // read-only: SQLite creates -wal and -shm owned by this user

    bool ok() const { return !error.isError(); }
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::OpenResult)
