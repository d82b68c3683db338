#include "inspectorwork.h"

#include "database.h"

namespace kalito::test {

QList<InspectorWork::Checkpoint> InspectorWork::checkpoints()
{
    return {Checkpoint::Passive, Checkpoint::Full, Checkpoint::Restart, Checkpoint::Truncate};
}

QList<InspectorWork::Check> InspectorWork::checks()
{
    return {Check::Quick, Check::Integrity, Check::ForeignKeys};
}

QString InspectorWork::name(Checkpoint mode)
{
    switch (mode) {
    case Checkpoint::Passive:
        return QStringLiteral("PASSIVE");
    case Checkpoint::Full:
        return QStringLiteral("FULL");
    case Checkpoint::Restart:
        return QStringLiteral("RESTART");
    case Checkpoint::Truncate:
        return QStringLiteral("TRUNCATE");
    }
    return QString();
}

QString InspectorWork::name(Check kind)
{
    switch (kind) {
    case Check::Quick:
        return QStringLiteral("quick_check");
    case Check::Integrity:
        return QStringLiteral("integrity_check");
    case Check::ForeignKeys:
        return QStringLiteral("foreign_key_check");
    }
    return QString();
}

InspectorWork::Outcome InspectorWork::checkpoint(Database &db, Checkpoint mode)
{
    Outcome o;
    // name() is one of four constants, never user input.
    const SqlResult r =
        db.select(QStringLiteral("PRAGMA wal_checkpoint(%1)").arg(name(mode))); // sql-ok: constant
    o.error = r.error;
    if (r.ok() && !r.rows.isEmpty()) {
        o.busy = r.value(0, 0).toInt();
        o.logFrames = r.value(0, 1).toInt();
        o.checkpointedFrames = r.value(0, 2).toInt();
    }
    return o;
}

InspectorWork::Outcome InspectorWork::check(Database &db, Check kind)
{
    Outcome o;
    const SqlResult r = db.select(QStringLiteral("PRAGMA ") + name(kind)); // sql-ok: constant
    o.error = r.error;
    o.rows = r.rows.size();
    for (const QVariantList &row : r.rows) {
        if (kind == Check::ForeignKeys) {
            QStringList cells;
            for (const QVariant &v : row)
                cells << v.toString();
            o.problems << cells.join(QLatin1Char(' '));
            continue;
        }
        // A b-tree error may come back as one row holding several messages.
        const QString text = row.value(0).toString();
        if (text != QLatin1String("ok"))
            o.problems << text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    return o;
}

InspectorWork::Outcome InspectorWork::browse(Database &db, BrowseState &state)
{
    Outcome o;
    const int pageRows = 50;
    const SqlResult sessions = db.select(
        QStringLiteral("SELECT id, name, updated_at FROM sessions ORDER BY created_at DESC, id DESC "
                       "LIMIT ? OFFSET ?"),
        {pageRows, state.sessionsPage * pageRows});
    if (!sessions.ok()) {
        o.error = sessions.error;
        return o;
    }
    o.rows += sessions.rows.size();
    if (sessions.rows.isEmpty()) {
        state = BrowseState();
        return o;
    }
    if (state.sessionId.isEmpty() || state.messagesPage > 3) {
        state.sessionId = sessions.value((state.sessionsPage * 7) % sessions.rows.size(), 0).toString();
        state.messagesPage = 0;
        ++state.sessionsPage;
    }
    const SqlResult count =
        db.select(QStringLiteral("SELECT count(*) FROM messages WHERE session_id = ?"), {state.sessionId});
    const SqlResult messages =
        db.select(QStringLiteral("SELECT id, role, text, created_at FROM messages WHERE session_id = ? "
                                 "ORDER BY created_at, id LIMIT ? OFFSET ?"),
                  {state.sessionId, pageRows, state.messagesPage * pageRows});
    o.error = count.ok() ? messages.error : count.error;
    o.rows += messages.rows.size();
    ++state.messagesPage;
    return o;
}

qint64 InspectorWork::dataVersion(Database &db, DbError *error)
{
    return db.scalar(QStringLiteral("PRAGMA data_version"), {}, error).toLongLong();
}

InspectorWork::Outcome InspectorWork::walkSchema(Database &db, int pageRows)
{
    Outcome o;
    const SqlResult objects =
        db.select(QStringLiteral("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"));
    if (!objects.ok()) {
        o.error = objects.error;
        return o;
    }
    for (const QVariantList &row : objects.rows) {
        const QString type = row.value(0).toString();
        const QString table = row.value(1).toString();
        if (type != QLatin1String("table") && type != QLatin1String("view"))
            continue;
        const SqlResult columns = db.select(QStringLiteral("SELECT * FROM pragma_table_xinfo(?)"), {table});
        const SqlResult page = db.select(
            QStringLiteral("SELECT * FROM %1 LIMIT ?").arg(Database::quoteIdentifier(table)), {pageRows});
        o.rows += page.rows.size();
        // The first error is the one worth reporting; keep walking so that one damaged table does
        // not hide the others.
        for (const DbError &e : {columns.error, page.error}) {
            if (e.isError() && !o.error.isError())
                o.error = e;
            if (e.isError())
                o.problems << table + QStringLiteral(": ") + e.reasonText();
        }
    }
    return o;
}

} // namespace kalito::test
