#include "inspectorwork.h"

#include "browse/dataversion.h"
#include "browse/keysetpager.h"
#include "browse/messagequery.h"
#include "browse/sessionnotes.h"
#include "browse/sessionquery.h"
#include "browse/steppedcount.h"
#include "browse/tablequery.h"
#include "checkpointrunner.h"
#include "database.h"
#include "integritycheck.h"

namespace kalito::test {

namespace {

constexpr int kPageRows = 50;

void note(InspectorWork::Outcome &o, const QString &what, const DbError &e)
{
    if (!e.isError())
        return;
    if (!o.error.isError())
        o.error = e;
    o.problems << what + QStringLiteral(": ") + e.toString();
}

} // namespace

QList<CheckpointMode> InspectorWork::checkpoints()
{
    return {CheckpointMode::Passive, CheckpointMode::Full, CheckpointMode::Restart, CheckpointMode::Truncate};
}

QList<IntegrityKind> InspectorWork::checks()
{
    return {IntegrityKind::Quick, IntegrityKind::Full, IntegrityKind::ForeignKeys};
}

QString InspectorWork::name(CheckpointMode mode)
{
    return CheckpointResult::modeName(mode);
}

QString InspectorWork::name(IntegrityKind kind)
{
    return IntegrityResult::kindName(kind);
}

CheckpointResult InspectorWork::checkpoint(Database &db, CheckpointMode mode)
{
    return CheckpointRunner::run(db, mode);
}

IntegrityResult InspectorWork::check(Database &db, IntegrityKind kind, bool perTable)
{
    return IntegrityCheck::run(db, kind, perTable);
}

qint64 InspectorWork::count(Database &db, const KeysetSpec &spec, DbError *error)
{
    // The one rule for counting a list (SteppedCount::start), as PagedModel and TableListPane count.
    const SteppedCount::State s = SteppedCount::run(db, SteppedCount::start(spec));
    if (error)
        *error = s.error;
    return s.error.isError() ? -1 : s.count;
}

InspectorWork::Outcome InspectorWork::browse(Database &db, BrowseState &state)
{
    Outcome o;
    if (!state.schemaRead) {
        state.schema = SchemaInfo::read(db);
        state.schemaRead = !state.schema.error.isError();
        note(o, QStringLiteral("schema"), state.schema.error);
        if (!state.schemaRead)
            return o;
    }
    const SchemaInfo &schema = state.schema;
    if (!schema.isKalito())
        return o; // the window offers no sessions list either
    const int step = state.steps++;

    // The sessions list: a page, then the message counts of its sessions (SessionsModel).
    const KeysetSpec sessions = SessionQuery::spec(schema, SessionFilter());
    RowPage page = state.sessionsKey.isEmpty()
                       ? KeysetPager::first(db, sessions, kPageRows)
                       : KeysetPager::after(db, sessions, state.sessionsKey, kPageRows);
    if (page.ok() && page.rows.isEmpty() && !state.sessionsKey.isEmpty()) {
        state.sessionsKey.clear(); // past the end: back to the top, as a user scrolling up would
        page = KeysetPager::first(db, sessions, kPageRows);
    }
    note(o, QStringLiteral("sessions page"), page.error);
    if (!page.ok())
        return o;
    o.rows += page.size();
    if (page.rows.isEmpty()) {
        state.sessionId.clear();
        return o;
    }
    QStringList ids;
    for (const QVariantList &row : std::as_const(page.rows))
        ids << row.value(SessionQuery::Id).toString();
    DbError error;
    SessionQuery::messageCounts(db, ids, &error);
    note(o, QStringLiteral("message counts"), error);
    if (step % 10 == 0) {
        count(db, sessions, &error);
        note(o, QStringLiteral("sessions count"), error);
    }

    // A session opened from that page: its transcript page by page, its notes, one message in full.
    const bool newSession = state.sessionId.isEmpty() || state.messagesPage > 3;
    if (newSession) {
        state.sessionId = ids.at((state.sessionsPage * 7) % ids.size());
        state.messagesKey.clear();
        state.messagesPage = 0;
        state.sessionsKey = page.keys.constLast();
        ++state.sessionsPage;
    }
    const KeysetSpec transcript = MessageQuery::spec(schema, state.sessionId);
    if (newSession) {
        count(db, transcript, &error);
        note(o, QStringLiteral("transcript count"), error);
        const SessionNotes notes = SessionNotes::load(db, schema, state.sessionId);
        note(o, QStringLiteral("notes"), notes.error);
        o.rows += notes.notes.size();
    }
    const RowPage messages = state.messagesKey.isEmpty()
                                 ? KeysetPager::first(db, transcript, kPageRows)
                                 : KeysetPager::after(db, transcript, state.messagesKey, kPageRows);
    note(o, QStringLiteral("transcript page"), messages.error);
    o.rows += messages.size();
    if (!messages.rows.isEmpty()) {
        state.messagesKey = messages.keys.constLast();
        const MessageRecord record =
            MessageQuery::record(db, messages.rows.constFirst().value(MessageQuery::Id).toLongLong());
        note(o, QStringLiteral("message"), record.error);
    }
    if (step % 4 == 3) { // the transcript's end (Ctrl+End, or a new message followed)
        const RowPage last = KeysetPager::last(db, transcript, kPageRows);
        note(o, QStringLiteral("transcript end"), last.error);
        o.rows += last.size();
    }
    ++state.messagesPage;
    return o;
}

qint64 InspectorWork::dataVersion(Database &db, DbError *error)
{
    return DataVersion::read(db, error);
}

InspectorWork::Outcome InspectorWork::walkSchema(Database &db, int pageRows)
{
    Outcome o;
    BrowseState state;
    state.schema = SchemaInfo::read(db);
    note(o, QStringLiteral("schema"), state.schema.error);
    if (state.schema.error.isError())
        return o;
    state.schemaRead = true;
    // The table browser: every table that can be paged (a view or a virtual table without rowid
    // shows why it cannot, and is not read). The first error is the one worth reporting; the walk
    // goes on so that one damaged table does not hide the others.
    for (const TableInfo &table : std::as_const(state.schema.tables)) {
        const KeysetSpec spec = TableQuery::spec(table);
        if (!spec.isValid())
            continue;
        const RowPage page = KeysetPager::first(db, spec, pageRows);
        note(o, table.name, page.error);
        o.rows += page.size();
        DbError error;
        count(db, spec, &error);
        note(o, table.name + QStringLiteral(" count"), error);
        if (!page.keys.isEmpty()) {
            const SqlResult row =
                TableQuery::row(db, table, TableQuery::rowKey(table, page.keys.constFirst()));
            note(o, table.name + QStringLiteral(" row"), row.error);
        }
    }
    if (state.schema.isKalito()) {
        const Outcome first = browse(db, state);
        o.rows += first.rows;
        for (const QString &p : first.problems)
            o.problems << p;
        if (!o.error.isError())
            o.error = first.error;
    }
    return o;
}

} // namespace kalito::test
