#pragma once

#include "spacereport.h"
#include "steppedwork.h"

#include <QHash>

#include <limits>

namespace kalito {

class Database;

struct SpaceScanOptions
{
    int topSessions = 10;     // sessions with the most message bytes (0: no message scan)
    int largestMessages = 10; // the largest single messages
};

// The state of one space report from step to step (runInSteps in the window, a loop of requests
// on the command line).
struct SpaceScanState : StepState
{
    enum class Phase { Start, Trees, Messages, Names };
    SpaceScanOptions options;
    SpaceReport report;
    Phase phase = Phase::Start;
    QList<SpaceTree> pending; // b-trees still to read, in order (name, table, kind known)
    qint64 startedMs = 0;     // epoch ms of the first step
    qint64 pagesRead = 0;
    // The message scan: rowid chunks sized to about 20 ms each.
    QString rowid; // the rowid's name in messages
    qint64 lastRowid = std::numeric_limits<qint64>::min();
    qint64 maxRowid = 0;
    qint64 minRowid = 0;
    int chunk = 2000;
    QHash<QString, SpaceSession> sessions;
    bool hasSessionNames = false;

    // 0..1000 for a progress bar.
    int progressPermille() const;
    // What the scan reads now or next ("messages", "idx_…"), for progress text.
    QString current() const;
    // How long the whole report and its longest single read are expected to take, from the
    // pages read so far (or a measured default before the first b-tree): said before a scan
    // holds a read snapshot for long (a writer's checkpoints wait for it meanwhile).
    qint64 expectedTotalMs() const;
    qint64 expectedLongestReadMs() const;
};

// Reads where the bytes of the open database go, through SQLite's dbstat virtual table (compiled
// into Debian's libsqlite3: ENABLE_DBSTAT_VTAB) with sqlite3_analyzer's own sums, one b-tree a
// step; then the sessions holding the most message text, in rowid chunks. Reads only: nothing is
// written, a read-only connection is enough. One b-tree is one dbstat walk, hence one snapshot:
// dbstat in SQLite 3.40 has no page-range constraint, so the largest b-tree (messages) is the
// longest single read; SpaceReport::longestStepMs reports it.
class SpaceScan
{
public:
    static SpaceScanState start(const SpaceScanOptions &options = {});
    // One step (about one b-tree or 20 ms of messages); sets state.done when the report is whole,
    // cancelled (an Interrupted error under state.cancel) or failed (report.error).
    static void step(Database &db, SpaceScanState &state);

    // Pages dbstat walks per millisecond on this kind of machine, before one was measured.
    static constexpr double defaultPagesPerMs = 150.0;
    // Past this, a read holds its snapshot long enough to say so before it starts.
    static constexpr qint64 longReadMs = 500;

private:
    static void readFile(Database &db, SpaceScanState &s);
    static void readTree(Database &db, SpaceScanState &s);
    static void readMessages(Database &db, SpaceScanState &s);
    static void readNames(Database &db, SpaceScanState &s);
    static void finish(SpaceScanState &s);
    static void fail(SpaceScanState &s, const DbError &error);
};

} // namespace kalito
