#pragma once

#include "dberror.h"
#include "pragmasetting.h"

#include <QMetaType>
#include <QStringList>

namespace kalito {

class Database;

// The connection's effective settings against the backend's, and the database's vital numbers,
// read on the connection thread for the Diagnostics panel.
struct DatabaseInfo
{
    PragmaSettings pragmas; // expected vs actual, read back now
    qint64 pageSize = 0;
    qint64 pageCount = 0;
    qint64 freelistCount = 0;
    QString sqliteVersion;
    QString sourceId;
    QStringList compileOptions;
    DbError error;

    static DatabaseInfo collect(Database &db);
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::DatabaseInfo)
