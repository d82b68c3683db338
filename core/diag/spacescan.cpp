#include "spacescan.h"

#include "browse/schemainfo.h"
#include "browse/steppedcount.h"
#include "database.h"
#include "filesizes.h"
#include "logging.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace kalito {

namespace {

// sqlite3_analyzer's per-b-tree sums over dbstat (its Tcl script, SQLite 3.40), column for column:
// pages and unused bytes by page type, payload, overflow payload, entries that overflow, the
// largest payload, and the depth from the longest path that is not an overflow page.
const char *const treeSql =
    "SELECT sum(ncell), sum((pagetype == 'leaf') * ncell), sum(payload),"
    " sum((pagetype == 'overflow') * payload), sum(path LIKE '%+000000'), max(mx_payload),"
    " sum(pagetype == 'internal'), sum(pagetype == 'leaf'), sum(pagetype == 'overflow'),"
    " sum((pagetype == 'internal') * unused), sum((pagetype == 'leaf') * unused),"
    " sum((pagetype == 'overflow') * unused),"
    " max((length(CASE WHEN path LIKE '%+%' THEN '' ELSE path END) + 3) / 4)"
    " FROM dbstat WHERE name = ?";

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void noteStep(SpaceScanState &s, qint64 ms, const QString &what)
{
    if (ms >= s.report.longestStepMs) {
        s.report.longestStepMs = ms;
        s.report.longestStep = what;
    }
}

} // namespace

int SpaceScanState::progressPermille() const
{
    const qint64 treePages = std::max<qint64>(1, report.pageCount - report.freelistPages);
    const bool messages = options.topSessions > 0 || options.largestMessages > 0;
    // The b-trees are most of the time; the message scan the rest.
    const double treeShare = messages ? 0.6 : 1.0;
    double fraction = 0;
    switch (phase) {
    case Phase::Start:
        return 0;
    case Phase::Trees:
        fraction = treeShare * std::min(1.0, double(pagesRead) / double(treePages));
        break;
    case Phase::Messages: {
        const double span = double(maxRowid) - double(minRowid) + 1;
        const double at =
            lastRowid == std::numeric_limits<qint64>::min() ? 0 : double(lastRowid - minRowid + 1);
        fraction = treeShare + (1 - treeShare) * std::clamp(span > 0 ? at / span : 1.0, 0.0, 1.0);
        break;
    }
    case Phase::Names:
        fraction = 1;
        break;
    }
    return int(std::lround(fraction * 1000));
}

QString SpaceScanState::current() const
{
    switch (phase) {
    case Phase::Start:
        return QString();
    case Phase::Trees:
        return pending.isEmpty() ? QString() : pending.first().name;
    case Phase::Messages:
    case Phase::Names:
        return QStringLiteral("messages");
    }
    return QString();
}

qint64 SpaceScanState::expectedTotalMs() const
{
    const qint64 readMs = [&] {
        qint64 n = 0;
        for (const SpaceTree &t : report.trees)
            n += t.stepMs;
        return n;
    }();
    const double rate =
        pagesRead >= 1000 && readMs > 0 ? double(pagesRead) / double(readMs) : SpaceScan::defaultPagesPerMs;
    // The message scan reads the messages table once more and decodes every row: measured on
    // 1,000,000 messages, it takes about 1.8 times as long as the b-trees.
    const bool messages = options.topSessions > 0 || options.largestMessages > 0;
    const double pages = double(report.pageCount - report.freelistPages) * (messages ? 2.8 : 1.0);
    return qint64(pages / rate);
}

qint64 SpaceScanState::expectedLongestReadMs() const
{
    // The largest b-tree is read in one walk; before it is known, take the pages not yet read
    // (in a Kalito database, messages holds about nine pages in ten).
    qint64 largest = 0;
    qint64 readMs = 0;
    for (const SpaceTree &t : report.trees) {
        largest = std::max(largest, t.pages());
        readMs += t.stepMs;
    }
    const double rate =
        pagesRead >= 1000 && readMs > 0 ? double(pagesRead) / double(readMs) : SpaceScan::defaultPagesPerMs;
    const qint64 left = std::max<qint64>(0, report.pageCount - report.freelistPages - pagesRead);
    return qint64(double(std::max(largest, left)) / rate);
}

SpaceScanState SpaceScan::start(const SpaceScanOptions &options)
{
    SpaceScanState s;
    s.options = options;
    return s;
}

void SpaceScan::fail(SpaceScanState &s, const DbError &error)
{
    s.report.error = error;
    s.report.cancelled = error.kind == DbError::Kind::Interrupted || s.cancel.isCancelled();
    if (s.report.cancelled)
        s.report.error = DbError();
    finish(s);
}

void SpaceScan::finish(SpaceScanState &s)
{
    s.report.steps = s.steps;
    s.report.elapsedMs = nowMs() - s.startedMs;
    s.report.complete = !s.report.cancelled && !s.report.error.isError();
    s.done = true;
    qCInfo(lcDiag).noquote() << "space report"
                             << (s.report.complete    ? "complete"
                                 : s.report.cancelled ? "cancelled"
                                                      : "failed")
                             << s.report.trees.size() << "b-trees in" << s.report.steps << "steps,"
                             << s.report.elapsedMs << "ms, longest read" << s.report.longestStepMs << "ms ("
                             << s.report.longestStep << ")";
}

void SpaceScan::step(Database &db, SpaceScanState &s)
{
    if (s.cancel.isCancelled()) {
        fail(s, DbError());
        return;
    }
    switch (s.phase) {
    case SpaceScanState::Phase::Start:
        readFile(db, s);
        break;
    case SpaceScanState::Phase::Trees:
        readTree(db, s);
        break;
    case SpaceScanState::Phase::Messages:
        readMessages(db, s);
        break;
    case SpaceScanState::Phase::Names:
        readNames(db, s);
        break;
    }
}

void SpaceScan::readFile(Database &db, SpaceScanState &s)
{
    QElapsedTimer timer;
    timer.start();
    s.startedMs = nowMs();
    SpaceReport &r = s.report;
    r.path = db.path();
    const FileSizes sizes = FileSizes::of(db.path());
    r.fileBytes = sizes.dbBytes;
    r.walBytes = sizes.walBytes;
    r.walExists = sizes.walExists;
    r.shmBytes = sizes.shmBytes;
    r.shmExists = sizes.shmExists;

    // One statement, one snapshot: the page count and the freelist agree with each other.
    const SqlResult file = db.select(
        QStringLiteral("SELECT p.page_size, c.page_count, f.freelist_count, a.auto_vacuum, j.journal_mode"
                       " FROM pragma_page_size p, pragma_page_count c, pragma_freelist_count f,"
                       " pragma_auto_vacuum a, pragma_journal_mode j"));
    if (!file.ok() || file.rows.isEmpty()) {
        fail(s, file.error);
        return;
    }
    const QVariantList row = file.rows.first();
    r.pageSize = row.value(0).toLongLong();
    r.pageCount = row.value(1).toLongLong();
    r.freelistPages = row.value(2).toLongLong();
    r.journalMode = row.value(4).toString();
    if (row.value(3).toInt() != 0 && r.pageCount > 1) {
        // The pointer map: one page, then pageSize/5 pages it maps, and again (the analyzer's rule).
        const double perPage = double(r.pageSize / 5);
        r.autovacuumPages = qint64(std::ceil((double(r.pageCount) - 1.0) / (perPage + 1.0)));
    }

    // The b-trees as the analyzer lists them: sqlite_schema, then every object with a root page;
    // an index is whatever is named otherwise than its table. Tables first, so that a table's
    // group is never shown (mid-report) as its indexes under an empty table.
    const SqlResult trees =
        db.select(QStringLiteral("SELECT s.name, s.tbl_name, coalesce(t.wr, 0) FROM sqlite_schema s"
                                 " LEFT JOIN pragma_table_list t ON t.schema = 'main' AND t.name = s.name"
                                 " WHERE s.rootpage > 0 ORDER BY s.name <> s.tbl_name, s.name"));
    if (!trees.ok()) {
        fail(s, trees.error);
        return;
    }
    SpaceTree schema;
    schema.name = schema.table = QStringLiteral("sqlite_schema");
    s.pending << schema;
    for (const QVariantList &t : trees.rows) {
        SpaceTree tree;
        tree.name = t.value(0).toString();
        tree.table = t.value(1).toString();
        tree.isIndex = tree.name != tree.table;
        tree.withoutRowid = !tree.isIndex && t.value(2).toInt() != 0;
        s.pending << tree;
    }

    // The message scan needs messages(session_id, text) with a rowid.
    if (s.options.topSessions > 0 || s.options.largestMessages > 0) {
        DbError error;
        const QList<ColumnInfo> columns = SchemaInfo::readColumns(db, QStringLiteral("messages"), &error);
        auto has = [&](const char *name) {
            return std::any_of(columns.begin(), columns.end(), [&](const ColumnInfo &c) {
                return c.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
            });
        };
        if (!error.isError() && has("session_id") && has("text"))
            s.rowid = SteppedCount::rowidName(db, QStringLiteral("messages"));
        if (!s.rowid.isEmpty()) {
            // Two statements: SQLite answers min() or max() alone from the b-tree's edge, but
            // both in one statement by scanning the whole table.
            const QString quoted = Database::quoteIdentifier(s.rowid);
            // sql-ok: the rowid's name, quoted
            s.minRowid = db.scalar(QStringLiteral("SELECT min(%1) FROM messages").arg(quoted)).toLongLong();
            // sql-ok: the rowid's name, quoted
            s.maxRowid = db.scalar(QStringLiteral("SELECT max(%1) FROM messages").arg(quoted)).toLongLong();
            const QList<ColumnInfo> sessionColumns =
                SchemaInfo::readColumns(db, QStringLiteral("sessions"), &error);
            s.hasSessionNames =
                std::any_of(sessionColumns.begin(), sessionColumns.end(),
                            [](const ColumnInfo &c) { return c.name == QLatin1String("name"); }) &&
                std::any_of(sessionColumns.begin(), sessionColumns.end(),
                            [](const ColumnInfo &c) { return c.name == QLatin1String("id"); });
        }
    }
    s.phase = SpaceScanState::Phase::Trees;
    noteStep(s, timer.elapsed(), QStringLiteral("file"));
}

void SpaceScan::readTree(Database &db, SpaceScanState &s)
{
    if (s.pending.isEmpty()) {
        s.phase = s.rowid.isEmpty() ? SpaceScanState::Phase::Names : SpaceScanState::Phase::Messages;
        if (s.rowid.isEmpty()) {
            finish(s);
        }
        return;
    }
    QElapsedTimer timer;
    timer.start();
    SpaceTree tree = s.pending.takeFirst();
    const SqlResult r = db.select(QString::fromLatin1(treeSql), {tree.name});
    if (!r.ok()) {
        fail(s, r.error);
        return;
    }
    const QVariantList v = r.rows.value(0);
    const qint64 cells = v.value(0).toLongLong();
    const qint64 leafCells = v.value(1).toLongLong();
    // The analyzer counts a rowid table's leaf cells and every cell of an index or WITHOUT ROWID.
    tree.entries = tree.isIndex || tree.withoutRowid ? cells : leafCells;
    tree.payload = v.value(2).toLongLong();
    tree.overflowPayload = v.value(3).toLongLong();
    tree.overflowEntries = v.value(4).toLongLong();
    tree.maxPayload = v.value(5).toLongLong();
    tree.interiorPages = v.value(6).toLongLong();
    tree.leafPages = v.value(7).toLongLong();
    tree.overflowPages = v.value(8).toLongLong();
    tree.interiorUnused = v.value(9).toLongLong();
    tree.leafUnused = v.value(10).toLongLong();
    tree.overflowUnused = v.value(11).toLongLong();
    tree.depth = v.value(12).toInt();
    tree.stepMs = timer.elapsed();
    s.pagesRead += tree.pages();
    noteStep(s, tree.stepMs, tree.name);
    s.report.trees << tree;
    if (s.pending.isEmpty()) {
        if (s.rowid.isEmpty())
            finish(s);
        else
            s.phase = SpaceScanState::Phase::Messages;
    }
}

void SpaceScan::readMessages(Database &db, SpaceScanState &s)
{
    QElapsedTimer timer;
    timer.start();
    const QString rowid = Database::quoteIdentifier(s.rowid);
    // One read of the chunk (materialised), summed per session, its largest rows kept and its
    // last rowid: "message bytes" are the UTF-8 bytes of text (docs/space.md).
    const qint64 threshold =
        s.report.largestMessages.size() >= s.options.largestMessages && s.options.largestMessages > 0
            ? s.report.largestMessages.constLast().bytes
            : (s.options.largestMessages > 0 ? -1 : std::numeric_limits<qint64>::max());
    const QString sql =
        QStringLiteral(
            "WITH c AS MATERIALIZED (SELECT %1 AS k, session_id AS s,"
            " coalesce(length(CAST(text AS BLOB)), 0) AS n FROM messages"
            " WHERE %1 > ? ORDER BY %1 LIMIT ?)"
            " SELECT 0, s, count(*), sum(n) FROM c GROUP BY s"
            " UNION ALL SELECT * FROM (SELECT 1, s, k, n FROM c WHERE n > ? ORDER BY n DESC LIMIT ?)"
            " UNION ALL SELECT 2, NULL, count(*), max(k) FROM c")
            .arg(rowid); // sql-ok: the rowid's name, quoted
    const qint64 after = s.lastRowid;
    const SqlResult r = db.select(sql, {after, s.chunk, threshold, s.options.largestMessages});
    if (!r.ok()) {
        fail(s, r.error);
        return;
    }
    qint64 rows = 0;
    for (const QVariantList &row : r.rows) {
        const int kind = row.value(0).toInt();
        if (kind == 0) {
            const QString id = row.value(1).toString();
            SpaceSession &session = s.sessions[id];
            session.id = id;
            session.messages += row.value(2).toLongLong();
            session.bytes += row.value(3).toLongLong();
            s.report.messageBytes += row.value(3).toLongLong();
        } else if (kind == 1) {
            SpaceMessage m;
            m.sessionId = row.value(1).toString();
            m.id = row.value(2).toLongLong();
            m.bytes = row.value(3).toLongLong();
            auto &list = s.report.largestMessages;
            list.insert(std::upper_bound(
                            list.begin(), list.end(), m,
                            [](const SpaceMessage &a, const SpaceMessage &b) { return a.bytes > b.bytes; }),
                        m);
            while (list.size() > s.options.largestMessages)
                list.removeLast();
        } else {
            rows = row.value(2).toLongLong();
            if (rows > 0)
                s.lastRowid = row.value(3).toLongLong();
        }
    }
    s.report.messagesScanned += rows;
    const qint64 ms = timer.elapsed();
    noteStep(s, ms, QStringLiteral("messages"));
    // About 20 ms a step, whatever the rows weigh.
    s.chunk = int(std::clamp<qint64>(ms > 0 ? s.chunk * 20 / ms : s.chunk * 2, 200, 200000));
    if (rows == 0 || s.lastRowid >= s.maxRowid) {
        s.report.sessionsScanned = true;
        QList<SpaceSession> all = s.sessions.values();
        std::sort(all.begin(), all.end(), [](const SpaceSession &a, const SpaceSession &b) {
            return a.bytes != b.bytes ? a.bytes > b.bytes : a.id < b.id;
        });
        s.report.topSessions = all.mid(0, s.options.topSessions);
        s.sessions.clear();
        s.phase = SpaceScanState::Phase::Names;
    }
}

void SpaceScan::readNames(Database &db, SpaceScanState &s)
{
    QElapsedTimer timer;
    timer.start();
    QVariantList ids;
    for (const SpaceSession &t : std::as_const(s.report.topSessions))
        ids << t.id;
    for (const SpaceMessage &m : std::as_const(s.report.largestMessages))
        ids << m.sessionId;
    if (s.hasSessionNames && !ids.isEmpty()) {
        QStringList marks;
        for (int i = 0; i < ids.size(); ++i)
            marks << QStringLiteral("?");
        const SqlResult r = db.select(QStringLiteral("SELECT id, name FROM sessions WHERE id IN (%1)")
                                          .arg(marks.join(QLatin1Char(','))), // sql-ok: placeholders only
                                      ids);
        if (!r.ok()) {
            fail(s, r.error);
            return;
        }
        QHash<QString, QString> names;
        for (const QVariantList &row : r.rows)
            names.insert(row.value(0).toString(), row.value(1).toString());
        for (SpaceSession &t : s.report.topSessions)
            t.name = names.value(t.id);
        for (SpaceMessage &m : s.report.largestMessages)
            m.sessionName = names.value(m.sessionId);
    }
    noteStep(s, timer.elapsed(), QStringLiteral("session names"));
    finish(s);
}

} // namespace kalito
