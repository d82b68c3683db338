#pragma once

#include "dberror.h"

#include <QList>
#include <QStringList>
#include <QVariant>

namespace kalito {

// Rows of one finished statement, as plain values.
struct SqlResult
{
    QStringList columns;
    QList<QVariantList> rows;
    DbError error;

    bool ok() const { return !error.isError(); }
    QVariant value(int row = 0, int column = 0) const
    {
        return row < rows.size() && column < rows.at(row).size() ? rows.at(row).at(column) : QVariant();
    }
};

} // namespace kalito
