#include "spacereport.h"

#include <QJsonArray>

#include <algorithm>

namespace kalito {

qint64 SpaceTable::pages() const
{
    qint64 n = tree.pages();
    for (const SpaceTree &i : indexes)
        n += i.pages();
    return n;
}

qint64 SpaceTable::payload() const
{
    qint64 n = tree.payload;
    for (const SpaceTree &i : indexes)
        n += i.payload;
    return n;
}

qint64 SpaceTable::unused() const
{
    qint64 n = tree.unused();
    for (const SpaceTree &i : indexes)
        n += i.unused();
    return n;
}

qint64 SpaceReport::usedPages() const
{
    qint64 n = 0;
    for (const SpaceTree &t : trees)
        n += t.pages();
    return n;
}

qint64 SpaceReport::userPayload() const
{
    // The analyzer's "Bytes of user payload stored": tables only, sqlite_schema left out.
    qint64 n = 0;
    for (const SpaceTree &t : trees) {
        if (!t.isIndex && t.name.compare(QLatin1String("sqlite_schema"), Qt::CaseInsensitive) != 0)
            n += t.payload;
    }
    return n;
}

QList<SpaceTable> SpaceReport::tables() const
{
    QList<SpaceTable> out;
    for (const SpaceTree &t : trees) {
        if (t.isIndex)
            continue;
        SpaceTable table;
        table.name = t.name;
        table.tree = t;
        out << table;
    }
    for (const SpaceTree &t : trees) {
        if (!t.isIndex)
            continue;
        auto it =
            std::find_if(out.begin(), out.end(), [&](const SpaceTable &s) { return s.name == t.table; });
        if (it == out.end()) { // an index whose table was not read (cancelled): a group of its own
            SpaceTable table;
            table.name = t.table;
            table.tree.name = t.table;
            table.tree.table = t.table;
            out << table;
            it = out.end() - 1;
        }
        it->indexes << t;
    }
    for (SpaceTable &s : out)
        std::stable_sort(s.indexes.begin(), s.indexes.end(),
                         [](const SpaceTree &a, const SpaceTree &b) { return a.pages() > b.pages(); });
    std::stable_sort(out.begin(), out.end(), [](const SpaceTable &a, const SpaceTable &b) {
        return a.pages() != b.pages() ? a.pages() > b.pages() : a.name < b.name;
    });
    return out;
}

namespace {

QJsonObject treeJson(const SpaceTree &t, const SpaceReport &r)
{
    QJsonObject o;
    o[QStringLiteral("name")] = t.name;
    o[QStringLiteral("table")] = t.table;
    o[QStringLiteral("is_index")] = t.isIndex;
    o[QStringLiteral("without_rowid")] = t.withoutRowid;
    o[QStringLiteral("entries")] = t.entries;
    o[QStringLiteral("pages")] = t.pages();
    o[QStringLiteral("bytes")] = t.pages() * r.pageSize;
    o[QStringLiteral("percent_of_file")] = r.shareOfFile(t.pages());
    o[QStringLiteral("interior_pages")] = t.interiorPages;
    o[QStringLiteral("leaf_pages")] = t.leafPages;
    o[QStringLiteral("overflow_pages")] = t.overflowPages;
    o[QStringLiteral("payload_bytes")] = t.payload;
    o[QStringLiteral("overflow_payload_bytes")] = t.overflowPayload;
    o[QStringLiteral("entries_with_overflow")] = t.overflowEntries;
    o[QStringLiteral("max_payload_bytes")] = t.maxPayload;
    o[QStringLiteral("unused_bytes")] = t.unused();
    o[QStringLiteral("interior_unused_bytes")] = t.interiorUnused;
    o[QStringLiteral("leaf_unused_bytes")] = t.leafUnused;
    o[QStringLiteral("overflow_unused_bytes")] = t.overflowUnused;
    o[QStringLiteral("depth")] = t.depth;
    o[QStringLiteral("read_ms")] = t.stepMs;
    return o;
}

} // namespace

QJsonObject SpaceReport::toJson() const
{
    QJsonObject file;
    file[QStringLiteral("path")] = path;
    file[QStringLiteral("page_size")] = pageSize;
    file[QStringLiteral("page_count")] = pageCount;
    file[QStringLiteral("database_bytes")] = databaseBytes();
    file[QStringLiteral("file_bytes")] = fileBytes;
    file[QStringLiteral("used_pages")] = usedPages();
    file[QStringLiteral("freelist_pages")] = freelistPages;
    file[QStringLiteral("freelist_bytes")] = freelistPages * pageSize;
    file[QStringLiteral("autovacuum_pages")] = autovacuumPages;
    file[QStringLiteral("user_payload_bytes")] = userPayload();
    file[QStringLiteral("journal_mode")] = journalMode;
    file[QStringLiteral("wal_exists")] = walExists;
    file[QStringLiteral("wal_bytes")] = walBytes;
    file[QStringLiteral("shm_exists")] = shmExists;
    file[QStringLiteral("shm_bytes")] = shmBytes;
    file[QStringLiteral("truncate_checkpoint_gives_back_bytes")] = walBytes;
    file[QStringLiteral("vacuum_gives_back_at_least_bytes")] = freelistPages * pageSize;

    QJsonArray tablesJson;
    for (const SpaceTable &t : tables()) {
        QJsonObject o = treeJson(t.tree, *this);
        QJsonArray idx;
        for (const SpaceTree &i : t.indexes)
            idx.append(treeJson(i, *this));
        o[QStringLiteral("indexes")] = idx;
        o[QStringLiteral("pages_with_indexes")] = t.pages();
        o[QStringLiteral("bytes_with_indexes")] = t.pages() * pageSize;
        o[QStringLiteral("percent_of_file_with_indexes")] = shareOfFile(t.pages());
        tablesJson.append(o);
    }

    QJsonArray sessions;
    for (const SpaceSession &s : topSessions) {
        QJsonObject o;
        o[QStringLiteral("id")] = s.id;
        o[QStringLiteral("name")] = s.name;
        o[QStringLiteral("messages")] = s.messages;
        o[QStringLiteral("message_bytes")] = s.bytes;
        sessions.append(o);
    }
    QJsonArray largest;
    for (const SpaceMessage &m : largestMessages) {
        QJsonObject o;
        o[QStringLiteral("id")] = m.id;
        o[QStringLiteral("session_id")] = m.sessionId;
        o[QStringLiteral("session_name")] = m.sessionName;
        o[QStringLiteral("bytes")] = m.bytes;
        largest.append(o);
    }
    QJsonObject messages;
    messages[QStringLiteral("scanned")] = sessionsScanned;
    messages[QStringLiteral("count")] = messagesScanned;
    messages[QStringLiteral("text_bytes")] = messageBytes;
    messages[QStringLiteral("top_sessions")] = sessions;
    messages[QStringLiteral("largest")] = largest;

    QJsonObject scan;
    scan[QStringLiteral("complete")] = complete;
    scan[QStringLiteral("cancelled")] = cancelled;
    scan[QStringLiteral("steps")] = steps;
    scan[QStringLiteral("elapsed_ms")] = elapsedMs;
    scan[QStringLiteral("longest_step_ms")] = longestStepMs;
    scan[QStringLiteral("longest_step")] = longestStep;
    if (error.isError())
        scan[QStringLiteral("error")] = error.toJson();

    QJsonObject o;
    o[QStringLiteral("file")] = file;
    o[QStringLiteral("tables")] = tablesJson;
    o[QStringLiteral("messages")] = messages;
    o[QStringLiteral("scan")] = scan;
    return o;
}

} // namespace kalito
