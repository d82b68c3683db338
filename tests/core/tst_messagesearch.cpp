#include "connection.h"
#include "database.h"
#include "messagesearch.h"
#include "ownlocks.h"
#include "searchindexhelpers.h"
#include "searchrunner.h"
#include "sqliteprocess.h"
#include "sqllog.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using namespace kalito;

namespace {

struct Outcome
{
    QList<SearchHit> hits;
    int batches = 0;
    QList<double> progress;
    bool cancelled = false;
    DbError error;
};

Outcome search(SearchRunner &runner, const QString &text)
{
    Outcome o;
    bool done = false;
    QObject context;
    QObject::connect(&runner, &SearchRunner::resultsFound, &context, [&](const QList<SearchHit> &h) {
        o.hits << h;
        ++o.batches;
    });
    QObject::connect(&runner, &SearchRunner::progress, &context, [&](double f) { o.progress << f; });
    QObject::connect(&runner, &SearchRunner::finished, &context, [&](bool cancelled, const DbError &e) {
        o.cancelled = cancelled;
        o.error = e;
        done = true;
    });
    runner.start(text);
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("search did not finish");
    return o;
}

QList<qint64> idsOf(const QList<SearchHit> &hits)
{
    QList<qint64> ids;
    for (const SearchHit &h : hits)
        ids << h.messageId;
    return ids;
}

} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void literalMatching_data();
    void literalMatching();
    void hitCarriesSessionAndSnippet();
    void tenMegabyteMessage();
    void nonAsciiSnippetIsWhereGlobMatched();
    void resultsStreamInSeveralBatches();
    void everyHitDeliveredWhenChunksAreCut();
    void everyHitDeliveredWhenQueuedChunksAreDropped();
    void maxResultsStopsTheSearch();
    void cancelStopsTheRunningStatement();
    void anotherDatabaseOpenedStopsTheSearch();
    void noReadTransactionBetweenChunks();
    void missingTableIsAnError();

private:
    QTemporaryDir m_dir;
    QString m_literalDb;
    QList<qint64> m_ids;
    QStringList m_texts;
};

void TestMessageSearch::initTestCase()
{
    // SQLite's own error log, before SQLite starts: it says when a statement was interrupted.
    QVERIFY(SqlLog::installErrorLog());
    m_texts = {
        QStringLiteral("growth of 50% this year"),              // 0
        QStringLiteral("growth of 50 percent"),                 // 1
        QStringLiteral("file_name.txt"),                        // 2
        QStringLiteral("fileXname.txt"),                        // 3
        QStringLiteral("it's fine"),                            // 4
        QStringLiteral("its fine"),                             // 5
        QStringLiteral("say \"hello\""),                        // 6
        QStringLiteral("say hello"),                            // 7
        QStringLiteral("'); DROP TABLE messages; --"),          // 8
        QStringLiteral("drop table messages"),                  // 9
        QStringLiteral("back\\slash"),                          // 10
        QStringLiteral("backslash"),                            // 11
        QStringLiteral("party \U0001F389 time"),                // 12
        QStringLiteral("مرحبا بالعالم"),                        // 13 Arabic
        QStringLiteral("שלום עולם"),                            // 14 Hebrew
        QStringLiteral("Émile Zola"),                           // 15
        QStringLiteral("HELLO WORLD"),                          // 16
        QStringLiteral("glob *star* [bracket] ?q"),             // 17
        QStringLiteral("glob star bracket q"),                  // 18
        QStringLiteral("café*[x]?"),                            // 19
        QStringLiteral("café x"),                               // 20
        QStringLiteral("<b>bold</b> &amp; <script>x</script>"), // 21
    };
    m_literalDb = test::makeKalitoDb(m_dir.path(), QStringLiteral("literal.db"), 3, 4);
    m_ids = test::fillMessages(m_literalDb, m_texts);
    QCOMPARE(m_ids.size(), m_texts.size());
}

void TestMessageSearch::literalMatching_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QList<int>>("expected"); // indexes into m_texts
    QTest::newRow("percent") << QStringLiteral("%") << QList<int>{0};
    QTest::newRow("50%") << QStringLiteral("50%") << QList<int>{0};
    QTest::newRow("underscore") << QStringLiteral("_") << QList<int>{2};
    QTest::newRow("e_n") << QStringLiteral("e_n") << QList<int>{2};
    QTest::newRow("single quote") << QStringLiteral("'") << QList<int>{4, 8};
    QTest::newRow("double quote") << QStringLiteral("\"") << QList<int>{6};
    QTest::newRow("statement") << QStringLiteral("'); DROP TABLE messages; --") << QList<int>{8};
    QTest::newRow("backslash") << QStringLiteral("\\") << QList<int>{10};
    QTest::newRow("emoji") << QStringLiteral("\U0001F389") << QList<int>{12};
    QTest::newRow("arabic") << QStringLiteral("بالعالم") << QList<int>{13};
    QTest::newRow("hebrew") << QStringLiteral("עולם") << QList<int>{14};
    QTest::newRow("ascii case") << QStringLiteral("hello") << QList<int>{6, 7, 16};
    QTest::newRow("non-ascii lower") << QStringLiteral("émile") << QList<int>{15};
    QTest::newRow("non-ascii upper") << QStringLiteral("ÉMILE ZOLA") << QList<int>{15};
    QTest::newRow("like has no *") << QStringLiteral("*star*") << QList<int>{17};
    QTest::newRow("brackets") << QStringLiteral("[bracket]") << QList<int>{17};
    QTest::newRow("glob specials") << QStringLiteral("É*[X]?") << QList<int>{19};
    QTest::newRow("html") << QStringLiteral("<script>") << QList<int>{21};
    QTest::newRow("absent") << QStringLiteral("zebra") << QList<int>{};
}

void TestMessageSearch::literalMatching()
{
    QFETCH(QString, needle);
    QFETCH(QList<int>, expected);
    Connection c;
    QVERIFY(c.open({m_literalDb}).result().ok());
    SearchRunner runner(&c);
    const Outcome o = search(runner, needle);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.toString()));
    QVERIFY(!o.cancelled);
    QList<qint64> want;
    for (int i : expected)
        want << m_ids.at(i);
    QCOMPARE(idsOf(o.hits), want);
    for (const SearchHit &h : o.hits) {
        QVERIFY2(h.matchStart >= 0, qPrintable(h.snippet));
        QCOMPARE(h.snippet.mid(h.matchStart, h.matchLength).toCaseFolded(), needle.toCaseFolded());
    }
    // The statement-like text was searched, never run.
    QCOMPARE(c.run([](Database &db) {
                  return db.scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt();
              }).result(),
             int(m_texts.size()));
}

void TestMessageSearch::hitCarriesSessionAndSnippet()
{
    Connection c;
    QVERIFY(c.open({m_literalDb}).result().ok());
    const QStringList session = c.run([](Database &db) {
                                     const SqlResult r = db.select(
                                         QStringLiteral("SELECT id, name FROM sessions ORDER BY id LIMIT 1"));
                                     return QStringList{r.value(0, 0).toString(), r.value(0, 1).toString()};
                                 }).result();
    SearchRunner runner(&c);
    const Outcome o = search(runner, QStringLiteral("zola"));
    QCOMPARE(o.hits.size(), 1);
    const SearchHit &h = o.hits.first();
    QCOMPARE(h.messageId, m_ids.at(15));
    QCOMPARE(h.sessionId, session.at(0));
    QCOMPARE(h.sessionName, session.at(1));
    QVERIFY(!h.sessionName.isEmpty());
    QCOMPARE(h.role, QStringLiteral("assistant"));
    QCOMPARE(h.createdAt, QStringLiteral("2024-05-01T10:00:15Z"));
    QCOMPARE(h.snippet, QStringLiteral("Émile Zola"));
    QCOMPARE(h.matchStart, 6);
}

void TestMessageSearch::tenMegabyteMessage()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("big.db"), 1, 2);
    QString big;
    big.reserve(10 * 1024 * 1024 + 64);
    const QString line = QStringLiteral("lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n");
    while (big.size() < 10 * 1024 * 1024)
        big += line;
    big += QStringLiteral("the hidden Quokka word\nand a tail");
    const QList<qint64> ids =
        test::fillMessages(path, {QStringLiteral("small"), big, QStringLiteral("quokka too")});
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    QElapsedTimer timer;
    timer.start();
    const Outcome o = search(runner, QStringLiteral("QUOKKA"));
    qInfo() << "10 MB message searched in" << timer.elapsed() << "ms";
    QCOMPARE(idsOf(o.hits), (QList<qint64>{ids.at(1), ids.at(2)}));
    const SearchHit &h = o.hits.first();
    QVERIFY(h.snippet.startsWith(QChar(0x2026)));
    QVERIFY(!h.snippet.contains(QLatin1Char('\n')));
    QVERIFY2(h.snippet.size() <= MessageSearch::kSnippetLength + 2, qPrintable(h.snippet));
    QCOMPARE(h.snippet.mid(h.matchStart, 6), QStringLiteral("Quokka"));
    QVERIFY(h.snippet.endsWith(QStringLiteral("and a tail")));
}

// "émile" finds "Émile" by GLOB's case classes; neither the needle as typed, nor its lower nor upper
// case is in the text, so only the same matching in C++ (kalito_match_position) can put the
// snippet around it.
void TestMessageSearch::nonAsciiSnippetIsWhereGlobMatched()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("accents.db"), 1, 2);
    const QString text =
        QStringLiteral("lorem ipsum ").repeated(30) + QStringLiteral("then Émile wrote, and 🎉 ÉMİLE");
    const QList<qint64> ids = test::fillMessages(path, {QStringLiteral("nothing"), text});
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    const Outcome o = search(runner, QStringLiteral("émile"));
    QCOMPARE(idsOf(o.hits), (QList<qint64>{ids.at(1)}));
    const SearchHit &h = o.hits.first();
    QVERIFY2(h.snippet.startsWith(QChar(0x2026)), qPrintable(h.snippet)); // cut before: the hit is far in
    QVERIFY2(h.matchStart >= 0, qPrintable(h.snippet));
    QCOMPARE(h.snippet.mid(h.matchStart, h.matchLength), QStringLiteral("Émile"));
    QCOMPARE(h.matchStart, 1 + MessageSearch::kSnippetBefore);
}

void TestMessageSearch::resultsStreamInSeveralBatches()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("stream.db"), 1, 2);
    QStringList texts;
    for (int i = 0; i < 2000; ++i)
        texts << (i % 10 == 3 ? QStringLiteral("message %1 with a Marmot").arg(i)
                              : QStringLiteral("message %1").arg(i));
    const QList<qint64> ids = test::fillMessages(path, texts);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    runner.setInitialChunkRows(150);
    runner.setFixedChunkRows(true);
    const Outcome o = search(runner, QStringLiteral("marmot"));
    QVERIFY(!o.error.isError());
    QCOMPARE(o.hits.size(), 200);
    QVERIFY2(o.batches >= 10, qPrintable(QString::number(o.batches)));
    QList<qint64> want;
    for (int i = 3; i < 2000; i += 10)
        want << ids.at(i);
    QCOMPARE(idsOf(o.hits), want);
    QVERIFY(o.progress.size() >= 10);
    for (int i = 1; i < o.progress.size(); ++i)
        QVERIFY(o.progress.at(i) >= o.progress.at(i - 1));
    QVERIFY(o.progress.first() < 0.2);
    QCOMPARE(o.progress.last(), 1.0);
}

void TestMessageSearch::everyHitDeliveredWhenChunksAreCut()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cut.db"), 1, 2);
    QStringList texts;
    for (int i = 0; i < 1000; ++i)
        texts << QStringLiteral("every %1 has a Wombat").arg(i);
    const QList<qint64> ids = test::fillMessages(path, texts);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    runner.setInitialChunkRows(100000); // one range, cut by the per-chunk hit limit
    runner.setMaxHitsPerChunk(64);
    const Outcome o = search(runner, QStringLiteral("wombat"));
    QCOMPARE(idsOf(o.hits), ids);
    QCOMPARE(o.batches, 16); // 15 x 64 + 40
}

void TestMessageSearch::everyHitDeliveredWhenQueuedChunksAreDropped()
{
    // Every chunk of 100 rows holds 100 hits and stops at 30: each time, the chunk already queued
    // behind it (the next 100 rows) must be dropped and the rest of the range searched first.
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("dropped.db"), 1, 2);
    QStringList texts;
    for (int i = 0; i < 700; ++i)
        texts << QStringLiteral("row %1 of the Quokka list").arg(i);
    const QList<qint64> ids = test::fillMessages(path, texts);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    runner.setInitialChunkRows(100);
    runner.setFixedChunkRows(true);
    runner.setMaxHitsPerChunk(30);
    const Outcome o = search(runner, QStringLiteral("quokka"));
    QVERIFY(!o.error.isError());
    QCOMPARE(idsOf(o.hits), ids); // all of them, each once, in order
    QVERIFY(!runner.limitReached());
    QCOMPARE(o.progress.last(), 1.0);
}

void TestMessageSearch::maxResultsStopsTheSearch()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("limit.db"), 1, 2);
    QStringList texts;
    for (int i = 0; i < 500; ++i)
        texts << QStringLiteral("koala %1").arg(i);
    test::fillMessages(path, texts);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    runner.setMaxResults(30);
    runner.setInitialChunkRows(7);
    runner.setFixedChunkRows(true);
    const Outcome o = search(runner, QStringLiteral("koala"));
    QCOMPARE(o.hits.size(), 30);
    QVERIFY(runner.limitReached());
    QVERIFY(!o.cancelled);
}

void TestMessageSearch::cancelStopsTheRunningStatement()
{
    // 300,000 messages of 200 'a's, made by the sqlite3 tool; searching for 60 'a's and a 'b' costs
    // LIKE about 8,000 comparisons per row: many seconds unless the running statement is stopped.
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cancel.db"), 1, 1);
    int exitCode = -1;
    test::sqlite3(
        path,
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
                       "INSERT INTO messages (session_id, role, text, created_at) "
                       "SELECT (SELECT id FROM sessions LIMIT 1), 'user', "
                       "replace(hex(zeroblob(100)), '0', 'a'), '2024-01-01T00:00:00Z' FROM n;"),
        &exitCode);
    QCOMPARE(exitCode, 0);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(c.run([](Database &db) {
                  return db.scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt();
              }).result(),
             300001);
    const QString needle = QString(60, QLatin1Char('a')) + QLatin1Char('b');
    SearchRunner runner(&c);
    runner.setInitialChunkRows(1000000); // everything in one statement: only an interrupt stops it
    runner.setFixedChunkRows(true);
    QSignalSpy finished(&runner, &SearchRunner::finished);
    const qint64 logMark = SqlLog::instance().lastSequence();
    QElapsedTimer sinceStart;
    sinceStart.start();
    runner.start(needle);
    // The chunk must be scanning when cancelled, not queued: its statement holds a read mark. The
    // search's plan, a short read before the chunk, holds one too (waiting for a mark alone once
    // caught the plan's, which was let go before the check that followed): the chunk is queued only
    // once the plan's reply is back, so a mark held after chunksRun() is 1 is the chunk's.
    QTRY_VERIFY_WITH_TIMEOUT(runner.chunksRun() == 1 && test::OwnLocks::holdsReadMark(path), 30000);
    QVERIFY2(finished.isEmpty(), "the search finished before it could be cancelled: the test proves nothing");
    QCOMPARE(runner.chunksRun(), 1);
    QElapsedTimer timer;
    timer.start();
    runner.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    // The connection is free again: the running statement really stopped.
    QCOMPARE(c.run([](Database &db) { return db.scalar(QStringLiteral("SELECT 42")).toInt(); }).result(), 42);
    // How soon is a benchmark figure (kalito-bench: cancel_search_chunk), not a limit here.
    qInfo() << "cancel to a free connection:" << timer.elapsed() << "ms;" << sinceStart.elapsed()
            << "ms since the start";
    // What proves the running statement itself was stopped, rather than left to end on its own:
    // SQLite's error log says the search's statement aborted with SQLITE_INTERRUPT.
    QStringList interrupted;
    for (const SqlLogEntry &e : SqlLog::instance().since(logMark)) {
        if (e.isError && (e.code & 0xff) == SQLITE_INTERRUPT)
            interrupted << e.text;
    }
    QVERIFY2(interrupted.size() == 1 && interrupted.first().contains(QLatin1String("SELECT m.rowid")),
             qPrintable(interrupted.join(QLatin1Char('\n'))));
    // Time passing is the behaviour here: nothing may be scheduled after the cancel.
    QTest::qWait(50);
    QCOMPARE(runner.chunksRun(), 1); // nothing scheduled after the cancel
    QCOMPARE(finished.size(), 1);
}

void TestMessageSearch::anotherDatabaseOpenedStopsTheSearch()
{
    // Two files with the same rowids, every message a hit; the second is opened while the search
    // of the first runs. What the search finds in it would be shown under the first file's plan.
    const QString a = test::makeKalitoDb(m_dir.path(), QStringLiteral("switch-a.db"), 1, 2);
    const QString b = test::makeKalitoDb(m_dir.path(), QStringLiteral("switch-b.db"), 1, 2);
    QStringList textsA;
    QStringList textsB;
    for (int i = 0; i < 2000; ++i) {
        textsA << QStringLiteral("first file, row %1 of the Numbat list").arg(i);
        textsB << QStringLiteral("second file, row %1 of the Numbat list").arg(i);
    }
    test::fillMessages(a, textsA);
    test::fillMessages(b, textsB);
    Connection c;
    QVERIFY(c.open({a}).result().ok());
    SearchRunner runner(&c);
    runner.setInitialChunkRows(100);
    runner.setFixedChunkRows(true);
    QList<SearchHit> hits;
    int hitsBeforeTheOpen = -1;
    QSignalSpy finished(&runner, &SearchRunner::finished);
    connect(&runner, &SearchRunner::resultsFound, &runner, [&](const QList<SearchHit> &found) {
        hits << found;
        if (hitsBeforeTheOpen >= 0)
            return;
        hitsBeforeTheOpen = int(hits.size());
        // The other file opens while the next chunk is queued or running on the first one; its
        // reply arrives after the open.
        QVERIFY(c.open({b}).result().ok());
    });
    runner.start(QStringLiteral("numbat"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QVERIFY(hitsBeforeTheOpen > 0);
    QVERIFY2(hitsBeforeTheOpen < 2000, "the search ended before the open: the test proves nothing");
    QCOMPARE(finished.first().at(0).toBool(), true); // reported as stopped
    QVERIFY(!finished.first().at(1).value<DbError>().isError());
    QVERIFY(!runner.isRunning());
    // Nothing arrived after the open: not the chunk read on the first file before it, not a chunk
    // of the second file.
    QCOMPARE(hits.size(), hitsBeforeTheOpen);
    for (const SearchHit &h : std::as_const(hits))
        QVERIFY2(h.snippet.contains(QStringLiteral("first file")), qPrintable(h.snippet));
    // The runner searches the second file when asked.
    finished.clear();
    hits.clear();
    runner.start(QStringLiteral("numbat"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(hits.size(), 2000);
    QVERIFY(hits.first().snippet.contains(QStringLiteral("second file")));
}

void TestMessageSearch::noReadTransactionBetweenChunks()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("checkpoint.db"), 1, 2);
    QStringList texts;
    for (int i = 0; i < 3000; ++i)
        texts << QStringLiteral("entry %1 about a Numbat").arg(i);
    test::fillMessages(path, texts);
    Connection c;
    QVERIFY(c.open({path}).result().ok());

    // Control: a reader in another process does make the same checkpoint fail.
    {
        test::SqliteProcess reader(path);
        QVERIFY(reader.start());
        reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM messages;"));
        test::sqlite3(path, QStringLiteral("UPDATE sessions SET saved = 1 - saved;"));
        const QString busy = test::sqlite3(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE);"));
        QVERIFY2(busy.startsWith(QLatin1String("1|")), qPrintable(busy));
        reader.exec(QStringLiteral("COMMIT;"));
    }

    SearchRunner runner(&c);
    runner.setInitialChunkRows(300);
    runner.setFixedChunkRows(true);
    QStringList checkpoints;
    QObject context;
    connect(&runner, &SearchRunner::progress, &context, [&](double f) {
        if (f >= 1.0 || checkpoints.size() >= 3)
            return;
        // Between two chunks on the connection thread (the runner keeps the next chunk queued,
        // so this request runs right after it, before the one after): another process writes and
        // then truncates the WAL; any read transaction a chunk left behind would make it busy.
        checkpoints << c.run([path](Database &) {
                            test::sqlite3(path, QStringLiteral("UPDATE sessions SET saved = 1 - saved;"));
                            return test::sqlite3(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE);"));
                        }).result();
    });
    const Outcome o = search(runner, QStringLiteral("numbat"));
    QCOMPARE(o.hits.size(), 3000);
    QCOMPARE(checkpoints,
             (QStringList{QStringLiteral("0|0|0"), QStringLiteral("0|0|0"), QStringLiteral("0|0|0")}));
    test::sqlite3(path, QStringLiteral("UPDATE sessions SET saved = 1 - saved;"));
    QCOMPARE(test::sqlite3(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE);")),
             QStringLiteral("0|0|0"));
}

void TestMessageSearch::missingTableIsAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("plain.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE t(x);"));
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    SearchRunner runner(&c);
    const Outcome o = search(runner, QStringLiteral("x"));
    QVERIFY(o.error.isError());
    QVERIFY(o.error.reasonText().contains(QLatin1String("no messages table")));
    QVERIFY(o.hits.isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "tst_messagesearch.moc"
