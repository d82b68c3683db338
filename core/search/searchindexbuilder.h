#pragma once

#include "dberror.h"
#include "latestreply.h"
#include "searchindexbuild.h"
#include "searchindexinfo.h"

#include <QObject>

namespace kalito {

class Connection;

// The search index of the open database, for whoever shows it (the search dock; headless code and
// tests alike): inspect() says what it is, estimate() what a build would take, build() builds it
// (only when the person asks) and update() brings a built one up to date by rowid, both as
// Background steps of about 20 ms through the connection, with progress; cancel() stops within a step
// and keeps what was indexed (a later build resumes it).
class SearchIndexBuilder : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexBuilder(Connection *connection, QObject *parent = nullptr);
    ~SearchIndexBuilder() override;

    void inspect();
    void estimate();
    // fresh: a new index even when a partial one could be resumed (Rebuild).
    void build(bool fresh = false);
    void update();
    void cancel();
    bool isRunning() const { return m_running; }
    int stepsRun() const { return m_steps; }
    qint64 longestStepMs() const { return m_longestStepMs; }

signals:
    void inspected(const kalito::SearchIndexInfo &info);
    void estimated(const kalito::SearchIndexEstimate &estimate);
    void progress(double fraction);
    // The index as it is after the run (also after a cancel: what was indexed stays).
    void finished(const kalito::SearchIndexInfo &info, bool cancelled, const kalito::DbError &error);

private:
    void run(bool fresh);

    Connection *m_connection;
    LatestReply m_latest;                    // the build under way: a new one or a cancel stops it
    std::shared_ptr<SearchIndexLock> m_lock; // the running build's
    bool m_running = false;
    int m_steps = 0;
    qint64 m_longestStepMs = 0;
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::SearchIndexEstimate)
