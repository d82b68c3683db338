#pragma once

#include "dberror.h"
#include "filesizes.h"
#include "pragmasetting.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

namespace kalito {

class Database;

// What `kalito-inspector status` prints: the connection as it reads itself back, the files'
// sizes, and the row counts of the Kalito tables that exist.
struct StatusReport
{
    QString path;
    QString sqliteVersion;
    bool readOnly = false;
    qint64 pageSize = 0; // for cache_size's meaning
    PragmaSettings pragmas;
    FileSizes files;
    QList<QPair<QString, qint64>> tables; // Kalito tables present, with their row counts
    DbError error;

    // countRows false: the tables present, each with -1 rows (the window counts them in steps).
    static StatusReport collect(Database &db, bool countRows = true);
    QJsonObject toJson() const;
    QString toText() const; // StatusText::report
};

} // namespace kalito
