#include "messagesearch.h"

#include "browse/schemainfo.h"
#include "database.h"
#include "oneline.h"
#include "sqlfragment.h"
#include "textmatch.h"

#include <QElapsedTimer>
#include <QSet>

#include <sqlite3.h>

namespace kalito {

using SqlFragment::columnOrNull;

namespace {

TableInfo tableOf(Database &db, const QString &name, DbError *error)
{
    TableInfo t;
    t.name = name;
    t.columns = SchemaInfo::readColumns(db, name, error);
    return t;
}

// kalito_match_position(text, needle): where TextMatch finds needle in text, in characters from 1
// as instr() counts (0: not found). GLOB says whether a message matches but not where; this puts the
// snippet around the match GLOB found ("Émile" for "émile", which no instr() of the needle's
// lower or upper case finds). The compiled needle is kept with the statement (auxdata).
void matchPosition(sqlite3_context *context, int, sqlite3_value **argv)
{
    auto *match = static_cast<TextMatch *>(sqlite3_get_auxdata(context, 1));
    if (!match) {
        const auto *n = static_cast<const char16_t *>(sqlite3_value_text16(argv[1]));
        match = new TextMatch(n ? QString::fromUtf16(n, sqlite3_value_bytes16(argv[1]) / 2) : QString());
        sqlite3_set_auxdata(context, 1, match, [](void *p) { delete static_cast<TextMatch *>(p); });
        match = static_cast<TextMatch *>(sqlite3_get_auxdata(context, 1));
        if (!match) { // SQLite could not keep it and has deleted it
            sqlite3_result_int(context, 0);
            return;
        }
    }
    const auto *t = static_cast<const char16_t *>(sqlite3_value_text16(argv[0]));
    if (!t) {
        sqlite3_result_int(context, 0);
        return;
    }
    const QString text =
        QString::fromRawData(reinterpret_cast<const QChar *>(t), sqlite3_value_bytes16(argv[0]) / 2);
    const TextRange r = match->indexIn(text);
    if (r.start < 0) {
        sqlite3_result_int(context, 0);
        return;
    }
    int characters = 0;
    for (int i = 0; i < r.start; ++i) {
        if (!text.at(i).isLowSurrogate() || i == 0 || !text.at(i - 1).isHighSurrogate())
            ++characters;
    }
    sqlite3_result_int(context, characters + 1);
}

bool registerMatchPosition(Database &db)
{
    sqlite3 *handle = db.handle();
    return handle &&
           sqlite3_create_function_v2(handle, "kalito_match_position", 2, SQLITE_UTF16 | SQLITE_DETERMINISTIC,
                                      nullptr, &matchPosition, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

MessageSearch::Plan MessageSearch::plan(Database &db, const QString &needle)
{
    Plan plan;
    const TableInfo m = tableOf(db, QStringLiteral("messages"), &plan.error);
    if (plan.error.isError())
        return plan;
    if (!m.hasColumn(QStringLiteral("text"))) {
        plan.error = DbError::make(DbError::Kind::Sqlite,
                                   m.columns.isEmpty() ? DbError::Reason::NoMessagesTable
                                                       : DbError::Reason::NoTextColumn,
                                   db.path());
        return plan;
    }
    const TableInfo s = tableOf(db, QStringLiteral("sessions"), &plan.error);
    if (plan.error.isError())
        return plan;
    const bool join = s.hasColumn(QStringLiteral("id")) && m.hasColumn(QStringLiteral("session_id"));

    // Two subqueries: min() and max() in one SELECT defeat SQLite's min/max optimisation and scan
    // the whole table (measured: about a third of a search's time on 1,000,000 messages).
    const SqlResult range = db.select(
        QStringLiteral("SELECT (SELECT min(rowid) FROM messages), (SELECT max(rowid) FROM messages)"));
    if (!range.ok()) {
        plan.error = range.error;
        return plan;
    }
    if (range.value(0, 0).isNull())
        return plan; // no messages: an empty plan
    plan.firstRowid = range.value(0, 0).toLongLong();
    plan.lastRowid = range.value(0, 1).toLongLong();

    QString position;
    plan.match = TextMatch(needle);
    const QString condition = plan.match.sqlCondition(QStringLiteral("m.text"));
    plan.patternBind = plan.match.sqlPattern();
    if (plan.match.isAscii()) {
        position = QStringLiteral("instr(lower(m.text), ?)");
        plan.positionBinds = {needle.toLower()};
    } else if (registerMatchPosition(db)) {
        // Where GLOB matched, found by the same matching in C++ (only for the rows that match).
        position = QStringLiteral("kalito_match_position(m.text, ?)");
        plan.positionBinds = {needle};
    } else {
        // Without the native handle, best effort for where the match is: the needle as typed,
        // then all lower, then all upper; else the snippet starts at the text's beginning.
        position = QStringLiteral("coalesce(nullif(instr(m.text, ?), 0), nullif(instr(m.text, ?), 0), "
                                  "nullif(instr(m.text, ?), 0), 0)");
        plan.positionBinds = {needle, needle.toLower(), needle.toUpper()};
    }

    const QString id = m.hasColumn(QStringLiteral("id")) ? QStringLiteral("m.id") : QStringLiteral("m.rowid");
    // The same statement for a rowid range (the scan) and for a list of rowids (the candidates a
    // search index gave: each one checked against the live row by the same condition).
    const auto statement = [&](const QString &rows) {
        // sql-ok: columnOrNull() quotes names; the numbers are ints; the condition one of two
        // constants and rows one of two constants
        return QStringLiteral(
                   "SELECT m.rowid, %1, %2, %3, %4, %5, pos, substr(m.text, max(pos - %6, 1), %7), "
                   "length(m.text) FROM (SELECT m.rowid AS r, %8 AS pos FROM messages AS m "
                   "WHERE %11 AND %9 ORDER BY m.rowid LIMIT ?) AS h "
                   "JOIN messages AS m ON m.rowid = h.r %10 ORDER BY m.rowid")
            .arg(id, columnOrNull(&m, QStringLiteral("session_id"), QStringLiteral("m")),
                 join ? columnOrNull(&s, QStringLiteral("name"), QStringLiteral("s"))
                      : QStringLiteral("NULL"),
                 columnOrNull(&m, QStringLiteral("role"), QStringLiteral("m")),
                 columnOrNull(&m, QStringLiteral("created_at"), QStringLiteral("m")))
            .arg(kSnippetBefore)
            .arg(kSnippetLength)
            .arg(position, condition,
                 join ? QStringLiteral("LEFT JOIN sessions AS s ON s.id = m.session_id") : QString(), rows);
    };
    plan.sql = statement(QStringLiteral("m.rowid BETWEEN ? AND ?"));
    plan.sqlByIds = statement(QStringLiteral("m.rowid IN (SELECT value FROM json_each(?))"));
    return plan;
}

MessageSearch::Chunk MessageSearch::chunk(Database &db, const Plan &plan, qint64 from, qint64 to, int maxHits)
{
    QVariantList binds = plan.positionBinds;
    binds << from << to << plan.patternBind << maxHits;
    return run(db, plan, plan.sql, binds, from, to, maxHits);
}

MessageSearch::Chunk MessageSearch::chunkByIds(Database &db, const Plan &plan, const QList<qint64> &rowids,
                                               qint64 to, int maxHits)
{
    QString json = QStringLiteral("[");
    for (qint64 r : rowids) {
        if (json.size() > 1)
            json += QLatin1Char(',');
        json += QString::number(r);
    }
    json += QLatin1Char(']');
    QVariantList binds = plan.positionBinds;
    binds << json << plan.patternBind << maxHits;
    return run(db, plan, plan.sqlByIds, binds, rowids.isEmpty() ? to + 1 : rowids.first(), to, maxHits);
}

MessageSearch::Chunk MessageSearch::run(Database &db, const Plan &plan, const QString &sql,
                                        const QVariantList &binds, qint64 from, qint64 to, int maxHits)
{
    Chunk c;
    c.ran = true;
    QElapsedTimer timer;
    timer.start();
    const SqlResult r = db.select(sql, binds);
    c.elapsedUs = timer.nsecsElapsed() / 1000;
    if (!r.ok()) {
        c.error = r.error;
        c.nextRowid = from;
        return c;
    }
    c.hits.reserve(r.rows.size());
    qint64 lastRowid = from - 1;
    for (const QVariantList &row : r.rows) {
        lastRowid = row.value(0).toLongLong();
        SearchHit h;
        h.rowid = lastRowid;
        h.messageId = row.value(1).toLongLong();
        h.sessionId = row.value(2).toString();
        h.sessionName = row.value(3).toString();
        h.role = row.value(4).toString();
        h.createdAt = row.value(5).toString();
        const qint64 pos = row.value(6).toLongLong();
        const qint64 start = qMax<qint64>(pos - kSnippetBefore, 1);
        const qint64 length = row.value(8).toLongLong();
        // Located with the search's own matching (TextMatch), so the range is what LIKE/GLOB found;
        // before the line breaks become spaces (one unit for one, so the range stays where it is).
        const QString raw = row.value(7).toString();
        TextRange match = plan.match.indexIn(raw);
        QString snippet = oneLine(raw);
        if (start > 1) {
            snippet.prepend(QChar(0x2026));
            if (match.start >= 0)
                ++match.start;
        }
        if (start + kSnippetLength - 1 < length)
            snippet.append(QChar(0x2026));
        h.snippet = snippet;
        h.matchStart = match.start;
        h.matchLength = match.start >= 0 ? match.length : 0;
        c.hits << h;
    }
    c.nextRowid = (maxHits > 0 && r.rows.size() >= maxHits) ? lastRowid + 1 : to + 1;
    return c;
}

} // namespace kalito
