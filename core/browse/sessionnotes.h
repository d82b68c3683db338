#pragma once

#include "browse/schemainfo.h"
#include "browse/sessionnote.h"

namespace kalito {

class Database;

// Pins and summaries of one session (few per session: loaded whole, capped).
struct SessionNotes
{
    QList<SessionNote> notes;
    QString pinsUnavailable;      // why pins cannot be shown; empty when they can
    QString summariesUnavailable; // likewise for summaries
    DbError error;

    static constexpr int MaxRows = 5000;
    static SessionNotes load(Database &db, const SchemaInfo &schema, const QString &sessionId);
};

} // namespace kalito
