#pragma once

#include "dberror.h"

#include <QString>
#include <QStringList>

namespace kalito {
class Database;
}

namespace kalito::test {

// Everything the reliability tests make the inspector do, in one place. Checkpoints and checks are
// plain PRAGMAs through Database for now; when the diagnostics API (checkpoint / integrity check)
// is merged, only the bodies of checkpoint() and check() change and every test follows.
class InspectorWork
{
public:
    enum class Checkpoint { Passive, Full, Restart, Truncate };
    enum class Check { Quick, Integrity, ForeignKeys };

    struct Outcome
    {
        DbError error;
        int busy = -1; // checkpoints: busy | log frames | checkpointed frames
        int logFrames = -1;
        int checkpointedFrames = -1;
        QStringList problems; // checks: every message other than "ok"
        qint64 rows = 0;      // rows read (browsing, walking)
    };

    // Where a browsing user is: the sessions list page and the session opened in it.
    struct BrowseState
    {
        int sessionsPage = 0;
        QString sessionId;
        int messagesPage = 0;
    };

    static QList<Checkpoint> checkpoints();
    static QList<Check> checks();
    static QString name(Checkpoint mode);
    static QString name(Check kind);

    static Outcome checkpoint(Database &db, Checkpoint mode);
    static Outcome check(Database &db, Check kind);
    // One step of a user paging through the sessions list and the messages of one session, the
    // way a view fetches: bounded pages, every statement finished before returning.
    static Outcome browse(Database &db, BrowseState &state);
    // PRAGMA data_version: what a view polls to learn that another connection committed.
    static qint64 dataVersion(Database &db, DbError *error = nullptr);
    // Schema introspection (sqlite_schema, PRAGMA table_xinfo of each table) and the first
    // page (pageRows rows) of every table and view: what opening a database shows.
    static Outcome walkSchema(Database &db, int pageRows = 50);
};

} // namespace kalito::test
