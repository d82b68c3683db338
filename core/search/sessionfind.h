#pragma once

#include "browse/schemainfo.h"
#include "dberror.h"
#include "steppedwork.h"
#include "textmatch.h"

#include <QList>
#include <QVariant>

namespace kalito {

class Database;

// Finding a text within one session (Ctrl+F in a conversation): the session's messages whose text
// matches, in the transcript's order ((created_at, id)), with MessageSearch's matching (LIKE for an
// ASCII needle, the cased GLOB pattern otherwise; TextMatch is the same in C++). Run as short
// steps (runInSteps): each step walks the next messages of the session by keyset on
// idx_messages_session_created, about kTargetStepMs of work, and no statement or read transaction
// lasts from one step to the next.
class SessionFind
{
public:
    static constexpr qint64 kTargetStepMs = 20;
    static constexpr int kMaxHits = 100000; // ids kept (memory bounded); limitReached says so

    struct Hit
    {
        qint64 id = 0;
        QVariant createdAt;
    };
    struct Scan : StepState
    {
        SchemaInfo schema;
        QString sessionId;
        QString needle;
        bool planned = false;
        QString sql;
        QVariant pattern;
        QVariantList after; // the key of the last message walked ((created_at, id) or (id))
        int rows = 500;     // messages walked by the next step (adapts to kTargetStepMs)
        qint64 walked = 0;  // messages walked so far
        QList<Hit> hits;
        bool limitReached = false;
        DbError error;
    };

    static Scan start(const SchemaInfo &schema, const QString &sessionId, const QString &needle);
    // Goes on from where a finished scan stopped (the messages appended since), keeping its hits.
    static Scan resume(const Scan &finished);
    static void step(Database &db, Scan &scan);
    // The whole find at once (tests, the command line).
    static Scan run(Database &db, const SchemaInfo &schema, const QString &sessionId, const QString &needle);
};

} // namespace kalito
