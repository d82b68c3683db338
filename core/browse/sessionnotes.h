#pragma once

#include "browse/schemainfo.h"
#include "browse/sessionnote.h"
#include "steppedwork.h"

namespace kalito {

class Database;

// Pins and summaries of one session (few per session: loaded whole, capped).
struct SessionNotes
{
    QList<SessionNote> notes;
    // Why pins (summaries) cannot be shown; None when they can (ErrorText::unavailable words it).
    SchemaInfo::Unavailable pinsUnavailable = SchemaInfo::Unavailable::None;
    SchemaInfo::Unavailable summariesUnavailable = SchemaInfo::Unavailable::None;
    DbError error;

    static constexpr int MaxRows = 5000;
    static SessionNotes load(Database &db, const SchemaInfo &schema, const QString &sessionId);

    // The same, as short steps (see runInSteps). Kalito has no index on semantic_pins.session_id
    // (nor on conversation_summaries'): finding one session's pins reads the whole table (0.53 s
    // cold on 173,000 pins), so without an index the table is scanned in rowid ranges of about
    // kTargetStepMs each, collecting the rowids that match; a last statement reads those rows in
    // order. With an index it is one statement per table.
    static constexpr qint64 kTargetStepMs = 20;
    struct Scan;
    static Scan startScan(const SchemaInfo &schema, const QString &sessionId);
    // The rows a scan reads for any one session: the rowid spans of the notes tables no index
    // by session_id answers (two seeks each); 0 when both are indexed (or missing).
    static qint64 unindexedRows(Database &db, const SchemaInfo &schema);
    static void step(Database &db, Scan &scan);
};

struct SessionNotes::Scan : StepState
{
    SchemaInfo schema;
    QString sessionId;
    int table = 0; // 0 pins, 1 summaries, 2 finished
    bool planned = false;
    bool indexed = false;
    qint64 next = 0;
    qint64 last = 0;
    qint64 width = 20000;
    QList<qint64> rowids; // matches found so far in the table being scanned
    SessionNotes result;
};

} // namespace kalito
