#pragma once

#include "browse/schemainfo.h"
#include "dberror.h"

#include <QCoreApplication>

namespace kalito {

// Words a DbError: core returns codes with arguments, this says them, once, for the window and the
// command line alike. tr() gives the person's language where a catalogue is installed (the
// window) and the source English where none is (the command line, README). SQLite's and the
// system's own words (DbError::detail) are shown as they are.
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

} // namespace kalito
