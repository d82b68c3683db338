#pragma once

#include "dberror.h"

#include <QList>
#include <QStringList>
#include <QVariantList>

namespace kalito {

// Rows of one page in the spec's order, each with its key (the values of the key expressions).
struct RowPage
{
    QStringList columns;
    QList<QVariantList> rows;
    QList<QVariantList> keys;
    DbError error;
    qint64 count = -1; // the list's row count in the same snapshot, when the fetch counted (else -1)
    // Set by PageCheck when an index disagrees with its table (kind Corrupt): the rows are good
    // (read from the table), but the person must be told the file is damaged.
    DbError damage;

    bool ok() const { return !error.isError(); }
    int size() const { return int(rows.size()); }
};

} // namespace kalito
