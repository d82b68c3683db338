#pragma once

#include "dberror.h"
#include "searchindexinfo.h"
#include "steppedwork.h"

#include <memory>
#include <mutex>

#include <QLockFile>

namespace kalito {

class Database;

// What building the index would take, asked before it is built: estimated from the messages'
// rowid range and the text of a few hundred sampled rows (indexed in memory to time them).
struct SearchIndexEstimate
{
    DbError error;
    SearchIndexInfo info;  // the index as it is now
    qint64 rows = 0;       // messages, about (the rowid range)
    qint64 textBytes = 0;  // their text, about
    qint64 indexBytes = 0; // the index file, about
    qint64 buildMs = 0;    // the build, about
    int sampleRows = 0;
};

// The lock file of a build (`<index>.lock`, QLockFile: a crashed builder's is taken over), shared by
// its steps on the connection thread and its builder on the window's; either may release it.
struct SearchIndexLock
{
    bool acquire(const QString &path);
    void release();
    ~SearchIndexLock();

private:
    std::mutex m_mutex;
    std::unique_ptr<QLockFile> m_file;
};

// The steps of a build (or of an update: the same steps from where the index reaches). Each step
// reads the next rows of messages by rowid in one short statement (finished before anything is
// written: no read snapshot outlives it), then appends them to the index file through its own
// handle in one transaction, about kTargetStepMs in all.
class SearchIndexBuild
{
public:
    struct State : StepState
    {
        bool fresh = true; // a new file; else resume a Partial index or update a Ready one
        qint64 firstRowid = 0;
        qint64 target = 0;         // the newest message when the build started
        qint64 indexedThrough = 0; // how far the index reaches
        qint64 indexedRows = 0;
        qint64 startedThrough = 0; // where this run started (progress)
        int batch = 256;
        qint64 longestStepMs = 0;
        DbError error;
        SearchIndexInfo info; // set by the last step
        // Taken by the first step, released by the last one or by the builder's cancel: two windows
        // on one database never build its index at once.
        std::shared_ptr<struct SearchIndexLock> lock;
        double fraction() const
        {
            const double span = double(target - startedThrough);
            return span <= 0 ? 1.0 : qBound(0.0, double(indexedThrough - startedThrough) / span, 1.0);
        }
    };

    static constexpr int kTargetStepMs = 20;
    static constexpr int kSamples = 8;
    // Index bytes per byte of text, measured on the benchmark's database (docs/search-index.md).
    static constexpr double kIndexBytesPerTextByte = 0.5;

    static SearchIndexEstimate estimate(Database &db);
    static void step(Database &db, State &state);

private:
    static void runStep(Database &db, State &state);
    static bool begin(Database &db, State &state);
    static void finish(Database &db, State &state);
};

} // namespace kalito
