#include "connection.h"
#include "database.h"
#include "spacescan.h"
#include "steppedwork.h"
#include "testsupport.h"

#include <QProcess>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <memory>

using namespace kalito;

namespace {

// One b-tree's figures as sqlite3_analyzer prints them.
struct AnalyzerTree
{
    qint64 pages = -1;
    qint64 payload = -1;
    qint64 leafPages = -1;
    qint64 overflowPages = -1;
    qint64 interiorPages = 0; // printed only when > 0
    qint64 unused = -1;
    qint64 entries = -1;
    qint64 maxPayload = -1;
    int depth = -1;
};

struct Analyzer
{
    QHash<QString, AnalyzerTree> trees; // lower-case name
    qint64 filePages = -1;
    qint64 freelistPages = -1;
    qint64 userPayload = -1;
    qint64 dataPages = -1;
};

qint64 statValue(const QString &line)
{
    // "Bytes of payload.................................. 1234         45.6% ..."
    static const QRegularExpression re(QStringLiteral("\\.\\.+ *(-?\\d+)"));
    const QRegularExpressionMatch m = re.match(line);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

Analyzer runAnalyzer(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3_analyzer"), {path});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {};
    Analyzer a;
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    static const QRegularExpression title(QStringLiteral(
        "^\\*\\*\\* (Table (\\S+)( w/o any indices)?|Index (\\S+) of table \\S+)( \\**)?\\s*$"));
    QString current;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("***"))) {
            const QRegularExpressionMatch m = title.match(line);
            current.clear();
            if (m.hasMatch() && !line.contains(QLatin1String("and all its indices")))
                current = (m.captured(2).isEmpty() ? m.captured(4) : m.captured(2)).toLower();
            if (line.contains(QLatin1String("Indices of table")))
                current.clear();
            continue;
        }
        if (statValue(line) < 0) // the Definitions at the end name the figures without values
            continue;
        if (line.startsWith(QLatin1String("Pages in the whole file (measured)")))
            a.filePages = statValue(line);
        else if (line.startsWith(QLatin1String("Pages on the freelist (per header)")))
            a.freelistPages = statValue(line);
        else if (line.startsWith(QLatin1String("Bytes of user payload stored")))
            a.userPayload = statValue(line);
        else if (line.startsWith(QLatin1String("Pages that store data")))
            a.dataPages = statValue(line);
        if (current.isEmpty())
            continue;
        AnalyzerTree &t = a.trees[current];
        if (line.startsWith(QLatin1String("Total pages used")))
            t.pages = statValue(line);
        else if (line.startsWith(QLatin1String("Bytes of payload")))
            t.payload = statValue(line);
        else if (line.startsWith(QLatin1String("Primary pages used")))
            t.leafPages = statValue(line);
        else if (line.startsWith(QLatin1String("Overflow pages used")))
            t.overflowPages = statValue(line);
        else if (line.startsWith(QLatin1String("Index pages used")))
            t.interiorPages = statValue(line);
        else if (line.startsWith(QLatin1String("Unused bytes on all pages")))
            t.unused = statValue(line);
        else if (line.startsWith(QLatin1String("Number of entries")))
            t.entries = statValue(line);
        else if (line.startsWith(QLatin1String("Maximum payload per entry")))
            t.maxPayload = statValue(line);
        else if (line.startsWith(QLatin1String("B-tree depth")))
            t.depth = int(statValue(line));
    }
    return a;
}

} // namespace

// The space report against sqlite3_analyzer on the same files: pages, payload, unused bytes,
// entries, depth per table and index; the freelist and the user payload of the file.
class TestSpaceReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void agreesWithAnalyzer_data();
    void agreesWithAnalyzer();
    void topSessionsAreTheSumsOfTheirMessages();
    void readOnlyAndWritesNothing();
    void cancelStopsTheReport();
    void aPageRequestGoesBeforeTheNextStep();

private:
    SpaceReport scan(const QString &path, SpaceScanOptions options = {}, bool readOnly = true);
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_crafted;
    QString m_deleted;
};

SpaceReport TestSpaceReport::scan(const QString &path, SpaceScanOptions options, bool readOnly)
{
    Database db;
    OpenOptions open;
    open.path = path;
    open.readOnly = readOnly;
    if (!db.open(open).ok())
        return {};
    SpaceScanState s = SpaceScan::start(options);
    int guard = 0;
    while (!s.done && ++guard < 100000) {
        ++s.steps;
        SpaceScan::step(db, s);
        // Each step finishes its statements: no snapshot is held between two.
        if (db.activeStatements() != 0 || !db.isAutocommit())
            return {};
    }
    db.close();
    return s.report;
}

void TestSpaceReport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = test::makeKalitoDb(m_dir.path(), QStringLiteral("demo.db"), 12, 40);
    QVERIFY(!m_demo.isEmpty());

    // A freelist (a dropped table), overflow pages (rows larger than a page), a WITHOUT ROWID
    // table, an automatic index (UNIQUE) and a table with two indexes.
    m_crafted = m_dir.filePath(QStringLiteral("crafted.db"));
    int code = -1;
    test::sqlite3(m_crafted,
                  QStringLiteral(
                      "PRAGMA page_size = 1024;"
                      "CREATE TABLE big(id INTEGER PRIMARY KEY, body BLOB, tag TEXT UNIQUE);"
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                      " INSERT INTO big(body, tag) SELECT randomblob(500 + (i % 7) * 900), 'tag' || i FROM n;"
                      "CREATE INDEX big_tag_len ON big(length(body), tag);"
                      "CREATE TABLE kv(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)"
                      " INSERT INTO kv SELECT 'key' || i, hex(randomblob(40 + i % 300)) FROM n;"
                      "CREATE TABLE gone(x);"
                      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                      " INSERT INTO gone SELECT hex(randomblob(100)) FROM n;"
                      "DROP TABLE gone;"),
                  &code);
    QCOMPARE(code, 0);

    // After deletes: half the messages of a demo database gone, pages left part-empty and freed.
    m_deleted = test::makeKalitoDb(m_dir.path(), QStringLiteral("deleted.db"), 10, 60);
    test::sqlite3(m_deleted,
                  QStringLiteral("DELETE FROM messages WHERE id % 2 = 0;"
                                 "DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions LIMIT 3);"),
                  &code);
    QCOMPARE(code, 0);
}

void TestSpaceReport::agreesWithAnalyzer_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("expectFreelist");
    QTest::addColumn<bool>("expectOverflow");
    QTest::newRow("demo") << m_demo << false << false;
    QTest::newRow("freelist, overflow, WITHOUT ROWID") << m_crafted << true << true;
    QTest::newRow("after deletes") << m_deleted << true << false;
}

void TestSpaceReport::agreesWithAnalyzer()
{
    QFETCH(QString, path);
    QFETCH(bool, expectFreelist);
    QFETCH(bool, expectOverflow);
    const SpaceReport r = scan(path);
    QVERIFY2(r.complete, qPrintable(r.error.toString()));
    const Analyzer a = runAnalyzer(path);
    QVERIFY2(!a.trees.isEmpty(), "sqlite3_analyzer gave no report");

    QCOMPARE(r.pageCount, a.filePages);
    QCOMPARE(r.freelistPages, a.freelistPages);
    QCOMPARE(r.userPayload(), a.userPayload);
    QCOMPARE(r.usedPages(), a.dataPages);
    QCOMPARE(r.freelistPages > 0, expectFreelist);
    QCOMPARE(r.trees.size(), a.trees.size());
    qint64 overflow = 0;
    bool sawWithoutRowid = false;
    for (const SpaceTree &t : r.trees) {
        const QString key = t.name.toLower();
        QVERIFY2(a.trees.contains(key), qPrintable(t.name));
        const AnalyzerTree &x = a.trees.value(key);
        QCOMPARE(t.pages(), x.pages);
        QCOMPARE(t.payload, x.payload);
        QCOMPARE(t.leafPages, x.leafPages);
        QCOMPARE(t.overflowPages, x.overflowPages);
        QCOMPARE(t.interiorPages, x.interiorPages);
        QCOMPARE(t.unused(), x.unused);
        QCOMPARE(t.entries, x.entries);
        QCOMPARE(t.maxPayload, x.maxPayload);
        QCOMPARE(t.depth, x.depth);
        overflow += t.overflowPages;
        sawWithoutRowid = sawWithoutRowid || t.withoutRowid;
    }
    if (expectOverflow)
        QVERIFY(overflow > 0);
    if (path == m_crafted) {
        QVERIFY(sawWithoutRowid);
        // The indexes are grouped under their table: big has its UNIQUE autoindex and big_tag_len.
        const QList<SpaceTable> tables = r.tables();
        const auto big = std::find_if(tables.begin(), tables.end(),
                                      [](const SpaceTable &t) { return t.name == QLatin1String("big"); });
        QVERIFY(big != tables.end());
        QCOMPARE(big->indexes.size(), 2);
        for (int i = 1; i < tables.size(); ++i) // the largest first
            QVERIFY(tables.at(i - 1).pages() >= tables.at(i).pages());
    }
}

void TestSpaceReport::topSessionsAreTheSumsOfTheirMessages()
{
    SpaceScanOptions options;
    options.topSessions = 3;
    options.largestMessages = 4;
    const SpaceReport r = scan(m_deleted, options);
    QVERIFY(r.complete);
    QVERIFY(r.sessionsScanned);
    QCOMPARE(r.topSessions.size(), 3);
    QCOMPARE(r.largestMessages.size(), 4);
    // What the sqlite3 tool says the same grouped query gives.
    const QStringList expected =
        test::sqlite3(m_deleted,
                      QStringLiteral("SELECT session_id || '|' || count(*) || '|' || "
                                     "sum(length(CAST(text AS BLOB))) FROM messages GROUP BY session_id "
                                     "ORDER BY sum(length(CAST(text AS BLOB))) DESC, session_id LIMIT 3;"))
            .split(QLatin1Char('\n'));
    QCOMPARE(expected.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const SpaceSession &s = r.topSessions.at(i);
        QCOMPARE(QStringLiteral("%1|%2|%3").arg(s.id).arg(s.messages).arg(s.bytes), expected.at(i));
        QVERIFY(!s.name.isEmpty());
    }
    const QString largest = test::sqlite3(
        m_deleted,
        QStringLiteral("SELECT group_concat(n, ',') FROM (SELECT length(CAST(text AS BLOB)) n FROM messages "
                       "ORDER BY n DESC LIMIT 4);"));
    QStringList got;
    for (const SpaceMessage &m : r.largestMessages)
        got << QString::number(m.bytes);
    QCOMPARE(got.join(QLatin1Char(',')), largest);
    QCOMPARE(r.messagesScanned,
             test::sqlite3(m_deleted, QStringLiteral("SELECT count(*) FROM messages;")).toLongLong());
    QCOMPARE(r.messageBytes,
             test::sqlite3(m_deleted, QStringLiteral("SELECT sum(length(CAST(text AS BLOB))) FROM messages;"))
                 .toLongLong());
    QVERIFY(r.longestStepMs >= 0);
    QVERIFY(!r.longestStep.isEmpty());
}

void TestSpaceReport::readOnlyAndWritesNothing()
{
    const QByteArray before = test::sha256(m_crafted);
    const SpaceReport r = scan(m_crafted, {}, true);
    QVERIFY(r.complete);
    QVERIFY(!r.sessionsScanned); // no messages table: no message scan, and no error either
    QCOMPARE(test::sha256(m_crafted), before);
}

void TestSpaceReport::cancelStopsTheReport()
{
    // Through the connection as the window does it: the chain stops at the step that sees the
    // cancel, and done() never runs.
    Connection connection;
    OpenOptions open;
    open.path = m_demo;
    open.readOnly = true;
    QVERIFY(connection.open(open).result().ok());
    SpaceScanState state = SpaceScan::start();
    const CancelToken cancel = state.cancel;
    int stepsSeen = 0;
    bool finished = false;
    QObject context;
    runInSteps(
        &connection, &context, state, [](Database &db, SpaceScanState &s) { SpaceScan::step(db, s); },
        [&](const SpaceScanState &) { finished = true; }, {},
        [&](const SpaceScanState &) {
            if (++stepsSeen == 2)
                cancel.cancel();
        });
    QTRY_COMPARE(stepsSeen, 2);
    // A later request runs at once: the chain queued nothing more.
    QTRY_COMPARE(connection.pending(), 0);
    QVERIFY(connection.run([](Database &db) { return db.isOpen() && db.activeStatements() == 0; }).result());
    QVERIFY(!finished);
}

void TestSpaceReport::aPageRequestGoesBeforeTheNextStep()
{
    // The report is Background work: an Interactive request (a page the reader waits for) made
    // while it runs waits for the step running now at most, never for the rest of the report.
    Connection connection;
    OpenOptions open;
    open.path = m_demo;
    open.readOnly = true;
    QVERIFY(connection.open(open).result().ok());
    auto stepsRun = std::make_shared<std::atomic<int>>(0);
    bool finished = false;
    int totalSteps = 0;
    QObject context;
    runInSteps(
        &connection, &context, SpaceScan::start(),
        [stepsRun](Database &db, SpaceScanState &s) {
            SpaceScan::step(db, s);
            ++*stepsRun;
        },
        [&](const SpaceScanState &s) {
            finished = true;
            totalSteps = s.steps;
        });
    const int seenByPage = connection.run([stepsRun](Database &) { return stepsRun->load(); }).result();
    QVERIFY2(seenByPage <= 1, qPrintable(QString::number(seenByPage)));
    QTRY_VERIFY(finished);
    QVERIFY(totalSteps > 5); // the file, 13 b-trees, the messages, the names
}

QTEST_GUILESS_MAIN(TestSpaceReport)
#include "tst_spacereport.moc"
