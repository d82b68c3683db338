#include "indexedsearch.h"

#include "database.h"
#include "searchindexfile.h"
#include "textmatch.h"

#include <sqlite3.h>

namespace kalito {

namespace {

QString phrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString IndexedSearch::matchExpression(const QString &needle)
{
    const QList<uint> points = needle.toUcs4();
    QStringList terms;
    for (int i = 0; i + 3 <= points.size(); ++i) {
        const QString trigram =
            QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + i), 3);
        const QString term = phrase(trigram);
        if (!terms.contains(term))
            terms << term;
    }
    return terms.join(QStringLiteral(" AND "));
}

bool IndexedSearch::foldsLikeTextMatch(const QString &needle)
{
    sqlite3 *h = nullptr;
    if (sqlite3_open_v2(":memory:", &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(h);
        return false;
    }
    bool ok = sqlite3_exec(h,
                           "CREATE VIRTUAL TABLE t USING fts5(x, content='', detail=none, "
                           "tokenize='trigram case_sensitive 0')",
                           nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *count = nullptr;
    ok = ok &&
         sqlite3_prepare_v2(h, "INSERT INTO t(rowid, x) VALUES (?, ?)", -1, &insert, nullptr) == SQLITE_OK &&
         sqlite3_prepare_v2(h, "SELECT count(*) FROM t WHERE t MATCH ? AND rowid >= ?", -1, &count,
                            nullptr) == SQLITE_OK;
    qint64 rowid = 0;
    const QList<uint> points = needle.toUcs4();
    for (uint c : points) {
        if (!ok)
            break;
        const QStringList forms = TextMatch::casedForms(char32_t(c));
        if (forms.size() < 2)
            continue;
        // Each form after two plain letters, each in a row of its own; the needle's own form must
        // find them all (rows of this character only: a contentless table deletes nothing).
        const qint64 firstRow = rowid + 1;
        for (const QString &form : forms) {
            const QByteArray doc = (QStringLiteral("qq") + form).toUtf8();
            sqlite3_bind_int64(insert, 1, ++rowid);
            sqlite3_bind_text(insert, 2, doc.constData(), int(doc.size()), SQLITE_TRANSIENT);
            ok = ok && sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
        }
        const char32_t own = char32_t(c);
        const QByteArray query = phrase(QStringLiteral("qq") + QString::fromUcs4(&own, 1)).toUtf8();
        sqlite3_bind_text(count, 1, query.constData(), int(query.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(count, 2, firstRow);
        ok = ok && sqlite3_step(count) == SQLITE_ROW && sqlite3_column_int64(count, 0) == forms.size();
        sqlite3_reset(count);
    }
    sqlite3_finalize(insert);
    sqlite3_finalize(count);
    sqlite3_close(h);
    return ok;
}

IndexedSearch::Plan IndexedSearch::plan(Database &db, const QString &needle)
{
    Plan plan;
    plan.info = SearchIndexFile::inspect(db);
    using State = SearchIndexInfo::State;
    if (plan.info.state == State::Absent || plan.info.state == State::Unavailable)
        return plan; // Use::Scan
    if (!plan.info.usable()) {
        plan.use = Use::IndexNotUsable;
        return plan;
    }
    if (needle.toUcs4().size() < kMinimumCharacters) {
        plan.use = Use::ShortText;
        return plan;
    }
    if (needle.contains(QChar(0)) || (!TextMatch::isAsciiNeedle(needle) && !foldsLikeTextMatch(needle))) {
        plan.use = Use::TextNotIndexable;
        return plan;
    }
    plan.use = Use::Index;
    plan.match = matchExpression(needle);
    plan.indexedThrough = plan.info.indexedThrough;
    return plan;
}

MessageSearch::Chunk IndexedSearch::chunk(Database &db, const MessageSearch::Plan &search, const Plan &plan,
                                          qint64 from, qint64 to, int maxHits)
{
    MessageSearch::Chunk failed;
    failed.ran = true;
    failed.indexFailed = true;
    failed.nextRowid = from;
    SearchIndexFile index;
    DbError e = index.openExisting(plan.info.path);
    if (e.isError()) {
        failed.indexError = e;
        return failed;
    }
    const QList<qint64> rows = index.candidates(plan.match, from, to, kCandidatesPerChunk, &e);
    index.close();
    if (e.isError()) {
        failed.indexError = e;
        return failed;
    }
    // A full batch: the next chunk starts after its last candidate.
    const qint64 end = rows.size() >= kCandidatesPerChunk ? rows.last() : to;
    if (rows.isEmpty()) {
        MessageSearch::Chunk none;
        none.ran = true;
        none.nextRowid = end + 1;
        return none;
    }
    return MessageSearch::chunkByIds(db, search, rows, end, maxHits);
}

} // namespace kalito
