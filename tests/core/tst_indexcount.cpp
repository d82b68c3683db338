#include "browse/steppedcount.h"
#include "database.h"
#include "diag/sqllog.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// SteppedCount through an index (IndexWalk): key ranges of the index, not rowid ranges of the
// table, on real files of several shapes; equal to count(*) while another process appends into
// key ranges already counted; and the statements it runs seek the index (their plans, asserted).
class TestIndexCount : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void equalsCountStar_data();
    void equalsCountStar();
    void equalsCountStarWhileAnotherProcessAppends();
    void equalsCountStarWhileAnotherProcessWritesMeanwhile();
    void statementsSeekTheCoveringIndex();
    void choosesTheIndex();
    void choosesTheFullestIndex();

private:
    QTemporaryDir m_dir;
};

void TestIndexCount::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestIndexCount::equalsCountStar_data()
{
    QTest::addColumn<QString>("ddl");
    QTest::addColumn<QString>("index");
    QTest::addColumn<int>("entries"); // index entries per step to start with (adapted after)
    QTest::addColumn<bool>("manySteps");
    const QString rows =
        QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < %1) ");
    QTest::newRow("empty") << QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, body TEXT);"
                                             "CREATE INDEX ti ON t(k);")
                           << QStringLiteral("ti") << 256 << false;
    QTest::newRow("sparse rowids")
        << QStringLiteral(
               "CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, body TEXT); CREATE INDEX ti ON t(k);"
               "INSERT INTO t(id, k, body) VALUES (-9223372036854775808, 'm', 'x'), (-5, 'a', 'x'), "
               "(0, 'z', 'x'), (4611686018427387904, 'b', 'x'), (9223372036854775807, 'a', 'x');") +
               rows.arg(3000) +
               QStringLiteral("INSERT INTO t(id, k, body) SELECT i * 1000003, 'k' || (i % 97), 'x' FROM c;")
        << QStringLiteral("ti") << 256 << true;
    QTest::newRow("nulls in the key")
        << QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INTEGER, body TEXT);"
                          "CREATE INDEX ti ON t(a, b DESC);") +
               rows.arg(5000) +
               QStringLiteral(
                   "INSERT INTO t(a, b, body) SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE 's' || (i % 11) "
                   "END, CASE WHEN i % 5 = 0 THEN NULL ELSE i % 7 END, hex(randomblob(30)) FROM c;")
        << QStringLiteral("ti") << 256 << true;
    QTest::newRow("many duplicate keys")
        << QStringLiteral(
               "CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, body TEXT); CREATE INDEX ti ON t(k);") +
               rows.arg(20000) +
               QStringLiteral(
                   "INSERT INTO t(k, body) SELECT CASE WHEN i % 50 = 0 THEN 'rare' || i ELSE 'same' "
                   "END, hex(randomblob(40)) FROM c;")
        << QStringLiteral("ti") << 256 << true;
    QTest::newRow("mixed directions, nocase, reals")
        << QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, r REAL, c TEXT, body TEXT);"
                          "CREATE INDEX wide ON t(s, r DESC, c);"
                          "CREATE INDEX ti ON t(s COLLATE NOCASE, c DESC);") +
               rows.arg(8000) +
               QStringLiteral(
                   "INSERT INTO t(s, r, c, body) SELECT CASE i % 4 WHEN 0 THEN 'Ab' WHEN 1 THEN 'aB' "
                   "WHEN 2 THEN 'ab' ELSE NULL END, (i % 13) / 3.0, "
                   "CASE WHEN i % 9 = 0 THEN NULL ELSE printf('%05d', i % 600) END, 'x' FROM c;")
        << QStringLiteral("ti") << 256 << true;
    // Many steps at the target time; the messages' shape (session, created_at DESC).
    QTest::newRow("200k messages")
        << QStringLiteral(
               "CREATE TABLE messages(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, "
               "text TEXT, importance_score REAL, created_at TEXT);"
               "CREATE INDEX idx_messages_session_created ON messages(session_id, created_at DESC);"
               "CREATE INDEX idx_messages_session_importance_created ON messages(session_id, "
               "importance_score DESC, created_at DESC);") +
               rows.arg(200000) +
               QStringLiteral("INSERT INTO messages(session_id, text, importance_score, created_at) SELECT "
                              "'session-' || (i % 400), hex(randomblob(200)), (i % 10) / 10.0, "
                              "printf('2025-01-01T%06d', i / 3) FROM c;")
        << QStringLiteral("idx_messages_session_created") << 20000 << true;
}

void TestIndexCount::equalsCountStar()
{
    QFETCH(QString, ddl);
    QFETCH(QString, index);
    QFETCH(int, entries);
    QFETCH(bool, manySteps);
    const QString path = m_dir.filePath(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')) +
        QStringLiteral(".db"));
    test::sqlite3(path, QStringLiteral("PRAGMA journal_mode=WAL;") + ddl);
    const QString table =
        ddl.contains(QStringLiteral("TABLE messages")) ? QStringLiteral("messages") : QStringLiteral("t");
    const qint64 expected =
        test::sqlite3(path, QStringLiteral("SELECT count(*) FROM %1;").arg(table)).trimmed().toLongLong();
    Database db;
    QVERIFY(db.open({path}).ok());
    SteppedCount::State s = SteppedCount::start(table);
    s.entries = entries;
    if (entries < 20000)
        s.targetStepMs = 0; // one index range a step: every boundary is crossed between two steps
    int steps = 0;
    while (!s.done) {
        SteppedCount::step(db, s);
        ++steps;
    }
    QVERIFY2(!s.error.isError(), qPrintable(s.error.toString()));
    QCOMPARE(s.count, expected);
    if (expected > 0) {
        QVERIFY(s.walk.isValid());
        QCOMPARE(s.walk.indexName, index);
    }
    if (manySteps)
        QVERIFY2(steps > (entries < 20000 ? 3 : 1), "the count ran in one step");
}

void TestIndexCount::equalsCountStarWhileAnotherProcessAppends()
{
    const QString path = m_dir.filePath(QStringLiteral("appends.db"));
    test::sqlite3(path, QStringLiteral(
                            "PRAGMA journal_mode=WAL;"
                            "CREATE TABLE messages(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT "
                            "NOT NULL, text TEXT, created_at TEXT);"
                            "CREATE INDEX idx_messages_session_created ON messages(session_id, "
                            "created_at DESC);"
                            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30000) "
                            "INSERT INTO messages(session_id, text, created_at) SELECT 's' || (i % 50), "
                            "hex(randomblob(50)), printf('2025-%06d', i) FROM c;"));
    Database db;
    QVERIFY(db.open({path}).ok());
    test::SqliteProcess writer(path);
    QVERIFY(writer.start());
    SteppedCount::State s = SteppedCount::start(QStringLiteral("messages"));
    s.entries = 300; // many small steps
    s.targetStepMs = 0;
    const qint64 before =
        test::sqlite3(path, QStringLiteral("SELECT count(*) FROM messages;")).trimmed().toLongLong();
    int steps = 0;
    while (!s.done) {
        SteppedCount::step(db, s);
        ++steps;
        // Between two steps the backend appends (its own process and transaction): into the first
        // session's key range (counted long ago), into the middle, and past the last one.
        writer.exec(QStringLiteral("INSERT INTO messages(session_id, text, created_at) VALUES "
                                   "('s0', 'x', '2026-a'), ('s0', 'y', '2024'), ('s25', 'z', '2026'), "
                                   "('s99', 'w', '2026');"));
    }
    writer.stop();
    QVERIFY2(!s.error.isError(), qPrintable(s.error.toString()));
    QVERIFY(s.walk.isValid());
    QVERIFY2(steps >= 8, "the count ran in few steps");
    // Every row up to the largest rowid the last step saw: count(*) in the last step's snapshot.
    QCOMPARE(
        s.count,
        test::sqlite3(path, QStringLiteral("SELECT count(*) FROM messages WHERE id <= %1;").arg(s.upToRowid))
            .trimmed()
            .toLongLong());
    QCOMPARE(s.count, before + qint64(steps - 1) * 4); // every append but the one after the last step
    const qint64 after =
        test::sqlite3(path, QStringLiteral("SELECT count(*) FROM messages;")).trimmed().toLongLong();
    QCOMPARE(s.count, after - 4);
}

void TestIndexCount::equalsCountStarWhileAnotherProcessWritesMeanwhile()
{
    // The writer does not wait for the steps: 3,000 commits of its own, sent at once, run while the
    // count runs (its statements and the writer's commits interleave as the two processes go).
    const QString path = m_dir.filePath(QStringLiteral("meanwhile.db"));
    test::sqlite3(path, QStringLiteral(
                            "PRAGMA journal_mode=WAL;"
                            "CREATE TABLE messages(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT "
                            "NOT NULL, text TEXT, created_at TEXT);"
                            "CREATE INDEX idx_messages_session_created ON messages(session_id, "
                            "created_at DESC);"
                            "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60000) "
                            "INSERT INTO messages(session_id, text, created_at) SELECT 's' || (i % 50), "
                            "hex(randomblob(50)), printf('2025-%06d', i) FROM c;"));
    QString writes;
    for (int i = 0; i < 3000; ++i)
        writes += QStringLiteral("INSERT INTO messages(session_id, text, created_at) VALUES ('s%1', 'x', "
                                 "'2024-%2');\n")
                      .arg(i % 60)
                      .arg(i);
    Database db, other;
    QVERIFY(db.open({path}).ok());
    QVERIFY(other.open({path}).ok());
    test::SqliteProcess writer(path);
    QVERIFY(writer.start());
    writer.send(writes);
    // Count after count while the writer commits; each equals count(*) in its last step's snapshot
    // (asked afterwards of another connection: the rows up to that rowid never change).
    qint64 appendedDuring = 0;
    for (int round = 0; round < 8; ++round) {
        SteppedCount::State s = SteppedCount::start(QStringLiteral("messages"));
        s.entries = 256;
        s.targetStepMs = 0;
        s = SteppedCount::run(db, s);
        QVERIFY2(!s.error.isError(), qPrintable(s.error.toString()));
        QVERIFY(s.walk.isValid());
        QCOMPARE(s.count,
                 other.scalar(QStringLiteral("SELECT count(*) FROM messages WHERE id <= ?"), {s.upToRowid})
                     .toLongLong());
        appendedDuring += s.upToRowid - s.last;
    }
    writer.collect(120000);
    writer.stop();
    QVERIFY2(appendedDuring > 0, "the writer committed nothing while a count ran");
    qInfo("%lld rows were appended while the 8 counts ran", appendedDuring);
    QCOMPARE(test::sqlite3(path, QStringLiteral("SELECT count(*) FROM messages;")).trimmed().toLongLong(),
             qint64(63000));
}

void TestIndexCount::statementsSeekTheCoveringIndex()
{
    const QString path = m_dir.filePath(QStringLiteral("plan.db"));
    test::sqlite3(
        path, QStringLiteral("CREATE TABLE messages(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT "
                             "NOT NULL, text TEXT, created_at TEXT);"
                             "CREATE INDEX idx_messages_session_created ON messages(session_id, "
                             "created_at DESC);"
                             "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000) "
                             "INSERT INTO messages(session_id, text, created_at) SELECT 's' || (i % 3), "
                             "hex(randomblob(50)), CASE WHEN i % 7 = 0 THEN NULL ELSE i / 2 END FROM c;"));
    Database db;
    QVERIFY(db.open({path}).ok());
    SqlLog::instance().attach(db.handle());
    const qint64 mark = SqlLog::instance().lastSequence();
    SteppedCount::State s = SteppedCount::start(QStringLiteral("messages"));
    s.entries = 256;
    s.targetStepMs = 0;
    s = SteppedCount::run(db, s);
    db.select(QStringLiteral("SELECT 1")); // the last statement is logged once it is reset
    SqlLog::instance().detach(db.handle());
    QVERIFY(!s.error.isError());
    QCOMPARE(s.count, 5000);
    QSet<QString> statements;
    for (const SqlLogEntry &e : SqlLog::instance().since(mark)) {
        if (e.text.contains(QLatin1String("INDEXED BY")) || e.text.contains(QLatin1String("count(*)")))
            statements.insert(e.text);
    }
    int seeks = 0, scans = 0, rowidSeeks = 0;
    for (const QString &sql : std::as_const(statements)) {
        if (sql.startsWith(QLatin1String("EXPLAIN")))
            continue;
        const SqlResult plan = db.select(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
        QVERIFY2(plan.ok(), qPrintable(sql));
        QStringList details;
        for (const QVariantList &row : plan.rows)
            details << row.value(3).toString();
        const QString detail = details.value(0);
        QVERIFY2(!details.join(QString()).contains(QLatin1String("TEMP B-TREE")),
                 qPrintable(sql + QLatin1String(" -> ") + detail));
        if (sql.contains(QLatin1String("INDEXED BY"))) {
            // Every range of the index is one seek (or, from the very start, a scan) of the covering
            // index: never the table's b-tree, never a sort.
            if (detail.startsWith(
                    QLatin1String("SEARCH messages USING COVERING INDEX idx_messages_session_created (")))
                ++seeks;
            else if (detail ==
                     QLatin1String("SCAN messages USING COVERING INDEX idx_messages_session_created"))
                ++scans;
            else
                QFAIL(qPrintable(sql + QLatin1String(" -> ") + detail));
        } else if (sql.contains(QLatin1String("WHERE rowid > "))) {
            // The rows appended meanwhile: through the rowid b-tree.
            QVERIFY2(details.contains(QStringLiteral("SEARCH messages USING INTEGER PRIMARY KEY (rowid>?)")),
                     qPrintable(details.join(QLatin1String(" | "))));
            ++rowidSeeks;
        }
    }
    QVERIFY(seeks >= 3); // rowid after a key, the next created_at, the next session
    QVERIFY(scans >= 1);
    QCOMPARE(rowidSeeks, 1);
}

void TestIndexCount::choosesTheIndex()
{
    const QString path = m_dir.filePath(QStringLiteral("choose.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b TEXT, c BLOB);"
                                       "CREATE INDEX wide ON t(a, b, c);"
                                       "CREATE INDEX narrow ON t(a);"
                                       "CREATE INDEX part ON t(b) WHERE b IS NOT NULL;"
                                       "CREATE INDEX expr ON t(lower(b));"
                                       "CREATE TABLE onlyexpr(x); CREATE INDEX e ON onlyexpr(x + 1);"
                                       "CREATE TABLE bare(x);"
                                       "CREATE TABLE f(id INTEGER PRIMARY KEY, s TEXT, body TEXT);"
                                       "CREATE INDEX fs ON f(s);"
                                       "INSERT INTO f(s, body) VALUES ('a', 'x'), ('b', 'y'), ('a', 'z');"));
    Database db;
    QVERIFY(db.open({path}).ok());
    QCOMPARE(IndexWalk::choose(db, QStringLiteral("t"), QStringLiteral("rowid")).indexName,
             QStringLiteral("narrow"));
    QVERIFY(!IndexWalk::choose(db, QStringLiteral("onlyexpr"), QStringLiteral("rowid")).isValid());
    QVERIFY(!IndexWalk::choose(db, QStringLiteral("bare"), QStringLiteral("rowid")).isValid());
    // A filter the index covers: through it; one it does not: rowid ranges.
    QCOMPARE(IndexWalk::choose(db, QStringLiteral("f"), QStringLiteral("rowid"), QStringLiteral("\"s\" = ?"),
                               {QStringLiteral("a")})
                 .indexName,
             QStringLiteral("fs"));
    QVERIFY(!IndexWalk::choose(db, QStringLiteral("f"), QStringLiteral("rowid"),
                               QStringLiteral("\"body\" = ?"), {QStringLiteral("x")})
                 .isValid());
    SteppedCount::State s =
        SteppedCount::run(db, SteppedCount::start(QStringLiteral("f"), QStringLiteral("rowid"),
                                                  QStringLiteral("\"s\" = ?"), {QStringLiteral("a")}));
    QCOMPARE(s.count, 2);
    QVERIFY(s.walk.isValid());
}

void TestIndexCount::choosesTheFullestIndex()
{
    // The backend's shape: sessions one after another, each appending its messages in time order.
    // The planner takes the two-column index (narrower entries), but its leaves are split by every
    // insert at the front of a session's range (created_at DESC): the three-column one is smaller.
    const QString path = m_dir.filePath(QStringLiteral("fill.db"));
    test::sqlite3(
        path, QStringLiteral(
                  "CREATE TABLE messages(id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, "
                  "text TEXT, importance_score REAL, created_at TEXT);"
                  "CREATE INDEX idx_messages_session_created ON messages(session_id, created_at DESC);"
                  "CREATE INDEX idx_messages_session_importance_created ON messages(session_id, "
                  "importance_score DESC, created_at DESC);"
                  "CREATE TEMP TABLE ss AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                  "WHERE i < 200) SELECT i, lower(hex(randomblob(16))) AS sid FROM c;"
                  "WITH RECURSIVE m(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM m WHERE j < 300) "
                  "INSERT INTO messages(session_id, text, importance_score, created_at) SELECT sid, 'x', "
                  "abs(random() % 70) / 100.0, printf('2025-01-01T%08d', ss.i * 1000 + j) FROM ss JOIN m "
                  "ORDER BY ss.i, j;"));
    QVERIFY(test::sqlite3(path, QStringLiteral("EXPLAIN QUERY PLAN SELECT count(*) FROM messages;"))
                .contains(QLatin1String("COVERING INDEX idx_messages_session_created")));
    auto pages = [&](const char *index) {
        return test::sqlite3(
                   path,
                   QStringLiteral("SELECT count(*) FROM dbstat WHERE name = '%1';").arg(QLatin1String(index)))
            .trimmed()
            .toLongLong();
    };
    const qint64 two = pages("idx_messages_session_created");
    const qint64 three = pages("idx_messages_session_importance_created");
    QVERIFY2(three * 105 < two * 100, qPrintable(QStringLiteral("%1 against %2 pages").arg(three).arg(two)));
    Database db;
    QVERIFY(db.open({path}).ok());
    QCOMPARE(IndexWalk::choose(db, QStringLiteral("messages"), QStringLiteral("rowid")).indexName,
             QStringLiteral("idx_messages_session_importance_created"));
    const SteppedCount::State s = SteppedCount::run(db, SteppedCount::start(QStringLiteral("messages")));
    QCOMPARE(s.count, 60000);
    QCOMPARE(s.walk.indexName, QStringLiteral("idx_messages_session_importance_created"));
}

QTEST_GUILESS_MAIN(TestIndexCount)
#include "tst_indexcount.moc"
