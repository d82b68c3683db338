#pragma once

#include <QString>

namespace kalito {

// The column a table's grid is sorted by; an empty column means stored order (rowid or key).
struct TableSort
{
    QString column;
    bool descending = false;

    bool isSet() const { return !column.isEmpty(); }
};

} // namespace kalito
