#include "browse/dataversion.h"

#include "database.h"

namespace kalito {

qint64 DataVersion::read(Database &db, DbError *error)
{
    DbError e;
    const QVariant v = db.scalar(QStringLiteral("PRAGMA data_version"), {}, &e);
    if (error)
        *error = e;
    return e.isError() || !v.isValid() ? -1 : v.toLongLong();
}

} // namespace kalito
