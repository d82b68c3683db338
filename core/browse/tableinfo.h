#pragma once

#include "browse/columninfo.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace kalito {

// A table as PRAGMA table_list / table_xinfo describe it.
struct TableInfo
{
    QString name;
    QString type; // "table", "view", "virtual", "shadow"
    bool withoutRowid = false;
    QList<ColumnInfo> columns;

    bool hasColumn(const QString &column) const { return indexOf(column) >= 0; }
    int indexOf(const QString &column) const
    {
        for (int i = 0; i < columns.size(); ++i) {
            if (columns.at(i).name.compare(column, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    }
    QStringList columnNames() const
    {
        QStringList names;
        for (const ColumnInfo &c : columns)
            names << c.name;
        return names;
    }
    // Primary key columns in key order (empty for a rowid table without a declared key).
    QStringList primaryKey() const
    {
        QList<ColumnInfo> pk;
        for (const ColumnInfo &c : columns) {
            if (c.primaryKeyIndex > 0)
                pk << c;
        }
        std::sort(pk.begin(), pk.end(), [](const ColumnInfo &a, const ColumnInfo &b) {
            return a.primaryKeyIndex < b.primaryKeyIndex;
        });
        QStringList names;
        for (const ColumnInfo &c : pk)
            names << c.name;
        return names;
    }
    // A name that reaches the rowid even when a column shadows "rowid"; empty when there is none.
    QString rowidName() const
    {
        if (withoutRowid || type != QLatin1String("table"))
            return QString();
        for (const char *n : {"rowid", "_rowid_", "oid"}) {
            if (!hasColumn(QLatin1String(n)))
                return QLatin1String(n);
        }
        return QString();
    }
};

} // namespace kalito
