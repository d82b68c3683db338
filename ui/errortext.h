#pragma once

#include "browse/schemainfo.h"
#include "dberror.h"

#include <QCoreApplication>

namespace kalito::ui {

// Words a DbError for the window, in the person's language (tr()): core returns codes with
// arguments, this says them. SQLite's and the system's own words (DbError::detail) are shown as
// they are. The command line and the log use DbError::toString(), in English.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // "PATH: reason", the form every message of the window takes.
    static QString describe(const DbError &error);
    // The reason alone.
    static QString reason(const DbError &error);
    // Why a view of this table cannot be shown (SchemaInfo::unavailable); empty when it can.
    static QString unavailable(const SchemaInfo &schema, const QString &table);
};

} // namespace kalito::ui
