#pragma once

#include "dberror.h"

#include <QString>

namespace kalito {

// One finding of an integrity or foreign key check, as facts (CheckText words it).
struct IntegrityFinding
{
    enum class Kind {
        Reported,    // a line of integrity_check / quick_check: SQLite's own words (text), shown as they are
        CheckFailed, // checking one table failed on a damaged file: table (empty: the whole file), error
        ForeignKey,  // foreign_key_check: row of table has no matching row in parent (foreign key fkid)
    };
    Kind kind = Kind::Reported;
    QString text;
    QString table;
    QString row; // empty when the row has no rowid
    QString parent;
    QString fkid;
    DbError error;

    static IntegrityFinding reported(const QString &text)
    {
        return {Kind::Reported, text, {}, {}, {}, {}, {}};
    }
};

} // namespace kalito
