#pragma once

#include <QString>
#include <QVariant>

namespace kalito {

// One row of PRAGMA table_xinfo.
struct ColumnInfo
{
    QString name;
    QString type;
    bool notNull = false;
    QVariant defaultValue;
    int primaryKeyIndex = 0; // 1-based position in the primary key, 0 when not part of it
    int hidden = 0;          // 0 normal, 1 hidden (virtual tables), 2/3 generated columns
};

} // namespace kalito
