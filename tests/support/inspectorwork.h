#pragma once

#include "browse/keysetspec.h"
#include "browse/schemainfo.h"
#include "checkpointresult.h"
#include "dberror.h"
#include "integrityresult.h"

#include <QString>
#include <QStringList>

namespace kalito {
class Database;
}

namespace kalito::test {

// Everything the reliability, crash and hostile-file tests make the inspector do, through the
// product's own classes and no SQL of its own: checkpoints through CheckpointRunner, checks through
// IntegrityCheck, the schema through SchemaInfo, pages through KeysetPager over the specs the
// window's models page (SessionQuery, MessageQuery, TableQuery), counts the way those models count
// (SteppedCount for one rowid table, else KeysetPager::count), a session's notes through
// SessionNotes, a message in full through MessageQuery::record, and data_version through
// DataVersion (what DataVersionWatcher polls). The fuzz target also drives the models themselves
// (tests/fuzz/modelwalk.h).
class InspectorWork
{
public:
    struct Outcome
    {
        DbError error;        // the first error met
        QStringList problems; // every error met, "what: reason"
        qint64 rows = 0;      // rows read
    };

    // Where a browsing user is: the sessions list page and the session opened in it.
    struct BrowseState
    {
        SchemaInfo schema; // read at the first step, as the window reads it once per open
        bool schemaRead = false;
        QVariantList sessionsKey; // last key of the sessions page shown; empty: the first page
        int sessionsPage = 0;
        QString sessionId;
        QVariantList messagesKey; // last key of the transcript page shown
        int messagesPage = 0;
        int steps = 0;
    };

    static QList<CheckpointMode> checkpoints();
    static QList<IntegrityKind> checks();
    static QString name(CheckpointMode mode);
    static QString name(IntegrityKind kind);

    // CheckpointRunner with the connection's busy_timeout as the wait budget (the command line's way).
    static CheckpointResult checkpoint(Database &db, CheckpointMode mode);
    // IntegrityCheck, the whole file at once or table by table (the Diagnostics panel's choice).
    static IntegrityResult check(Database &db, IntegrityKind kind, bool perTable = false);
    // One step of a user paging through the sessions list and the transcript of one session, the
    // way the models fetch: keyset pages, the message counts of the sessions page, the transcript's
    // count, now and then its last page, the session's notes and one message in full.
    static Outcome browse(Database &db, BrowseState &state);
    static qint64 dataVersion(Database &db, DbError *error = nullptr);
    // What opening a database shows: the schema, every pageable table's first page (pageRows rows),
    // its count and its first row in full; on a Kalito database, the first browse step too.
    static Outcome walkSchema(Database &db, int pageRows = 50);
    // A model's count of spec's rows.
    static qint64 count(Database &db, const KeysetSpec &spec, DbError *error = nullptr);
};

} // namespace kalito::test
