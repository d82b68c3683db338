#pragma once

#include "browse/keysetspec.h"
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
// steps (runInSteps): each step is a KeysetPager page of the transcript's own spec
// (MessageQuery::spec, selecting whether each message matches), so the order is the transcript's by
// construction; about kTargetStepMs of work a step, and no statement or read transaction lasts from
// one step to the next.
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
        KeysetSpec spec;    // the transcript's messages: id, created_at, whether the text matches
        QVariantList after; // the transcript's key of the last message walked
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
