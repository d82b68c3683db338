#pragma once

#include "browse/keysetspec.h"
#include "dberror.h"
#include "steppedwork.h"

namespace kalito {

class Database;

// count(*) of a large table (with an optional filter) cut into rowid ranges, each counted by one
// short request of about kTargetStepMs, so that a page the person asks for never waits behind
// the whole count. The first step also reads an estimate (sqlite_stat1 when present, else the
// span of rowids) that a view can show, marked as such, until the exact count arrives.
// Rows another process appends meanwhile get higher rowids: the last step counts everything from
// its start on, so the result is the count of every row up to upToRowid as one snapshot would see
// it (given rows are only appended, as the backend does).
class SteppedCount
{
public:
    enum class EstimateSource { None, Stat1, RowidSpan };
    static constexpr qint64 kTargetStepMs = 20;

    struct State : StepState
    {
        QString table;      // quoted
        QString tableName;  // as sqlite_stat1 names it
        QString rowid;      // a name reaching the rowid ("rowid", "_rowid_" or "oid")
        QString where;      // filter without WHERE; may be empty
        QVariantList binds; // for the ?s in where
        bool planned = false;
        qint64 next = 0;      // first rowid not counted yet
        qint64 last = 0;      // the largest rowid when the count started
        qint64 width = 20000; // rowids per step, adapted to kTargetStepMs
        qint64 count = 0;     // rows counted so far
        qint64 upToRowid = 0; // the largest rowid the last step saw
        qint64 estimate = -1;
        EstimateSource estimateSource = EstimateSource::None;
        qint64 workUs = 0; // time spent in the statements (not waiting in the queue)
        DbError error;
    };

    // A count of a plain table; tableName unquoted, rowid as TableInfo::rowidName() gives it, or
    // empty to have the first step find it (a table without one is counted by one count(*)).
    static State start(const QString &tableName, const QString &rowid = QString(),
                       const QString &where = QString(), const QVariantList &binds = {});
    // A count of spec's rows, for a spec with a countTable (see KeysetSpec).
    static State start(const KeysetSpec &spec);
    static void step(Database &db, State &state);
    // The name reaching tableName's rowid, or empty when it has none (see TableInfo::rowidName()).
    static QString rowidName(Database &db, const QString &tableName);
    // The estimate alone (one request); -1 when there is none.
    static qint64 estimate(Database &db, const QString &tableName, const QString &rowid,
                           EstimateSource *source = nullptr);
    // A whole count run inline (tests, the command line): steps until done.
    static State run(Database &db, State state);
};

} // namespace kalito
