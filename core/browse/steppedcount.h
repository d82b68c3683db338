#pragma once

#include "browse/indexwalk.h"
#include "browse/keysetspec.h"
#include "dberror.h"
#include "steppedwork.h"

#include <optional>

class QElapsedTimer;

namespace kalito {

class Database;

// count(*) of a large table (with an optional filter) cut into short requests of about
// kTargetStepMs each, so that a page the person asks for never waits behind the whole count.
// The steps walk key ranges of the table's smallest covering index (IndexWalk): a table's leaves
// hold every message's text, an index's entries only their keys (on a 6.9 GB database of 10M
// messages, 589 MB instead of the whole file). A table without such an index (or a filter no
// index covers) is counted in rowid ranges of the table, as before. The first step also reads an
// estimate (sqlite_stat1 when present, else the span of rowids) that a view can show, marked as
// such, until the exact count arrives.
// Rows another process appends meanwhile get higher rowids. Rowid ranges: the last step counts
// everything from its start on. Index ranges: an appended row can land in a key range already
// counted, so the index steps count only rows up to the largest rowid at the start (those never
// change, the backend only appends) and the last step counts the rows after it through the rowid
// b-tree (few, and cheap there), in one statement with the table's largest rowid. Either way the
// result is the count of every row up to upToRowid as one snapshot would see it.
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
        qint64 next = 0;                     // first rowid not counted yet
        qint64 last = 0;                     // the largest rowid when the count started
        qint64 width = 20000;                // rowids per step, adapted to kTargetStepMs
        IndexWalk walk;                      // the index counted through; invalid: rowid ranges
        qint64 entries = 20000;              // index entries per range, adapted to targetStepMs
        qint64 targetStepMs = kTargetStepMs; // 0: one range a step (tests)
        qint64 count = 0;                    // rows counted so far
        qint64 upToRowid = 0;                // the largest rowid the last step saw
        qint64 estimate = -1;
        EstimateSource estimateSource = EstimateSource::None;
        qint64 workUs = 0; // time spent in the statements (not waiting in the queue)
        DbError error;
        // Set for a list that is not counted in ranges (a join, a view, WITHOUT ROWID): its one
        // count(*) through KeysetPager, as the first and only step.
        std::optional<KeysetSpec> whole;
    };

    // A count of a plain table; tableName unquoted, rowid as TableInfo::rowidName() gives it, or
    // empty to have the first step find it (a table without one is counted by one count(*)).
    static State start(const QString &tableName, const QString &rowid = QString(),
                       const QString &where = QString(), const QVariantList &binds = {});
    // A count of spec's rows, for a spec that countsInSteps() (see KeysetSpec::Table::rowid).
    static State start(const KeysetSpec &spec);
    static void step(Database &db, State &state);
    // The name reaching tableName's rowid, or empty when it has none (see TableInfo::rowidName()).
    static QString rowidName(Database &db, const QString &tableName);
    // The estimate alone (one request); -1 when there is none.
    static qint64 estimate(Database &db, const QString &tableName, const QString &rowid,
                           EstimateSource *source = nullptr);
    // A whole count run inline (tests, the command line): steps until done.
    static State run(Database &db, State state);

private:
    // One step through the index (State::walk).
    static void stepIndex(Database &db, State &state, const QElapsedTimer &took);
};

} // namespace kalito
