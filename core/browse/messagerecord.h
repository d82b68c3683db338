#pragma once

#include "dberror.h"

#include <QStringList>
#include <QVariantList>

namespace kalito {

// One message row, every column, the text in full.
struct MessageRecord
{
    bool found = false;
    qint64 id = -1;
    QString sessionId;
    QString role;
    QString text;
    QStringList columns; // every column of the row, in table order
    QVariantList values;
    DbError error;

    QVariant value(const QString &column) const
    {
        const int i = int(columns.indexOf(column));
        return i >= 0 ? values.value(i) : QVariant();
    }
};

} // namespace kalito
