#include "browse/schemainfo.h"
#include "browse/sessionnotes.h"
#include "browse/steppedcount.h"
#include "database.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// SteppedCount and the stepped pins scan, step by step on a real file while another process (the
// sqlite3 CLI) appends rows between the steps: the result is what one count(*) would say.
class TestSteppedCount : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void countEqualsCountStarWhileAnotherProcessAppends();
    void filteredCountEqualsCountStar();
    void oddRowidsAndNoRowid();
    void notesScanEqualsTheIndexedQuery();

private:
    QString cli(const QString &sql) { return test::sqlite3(m_path, sql).trimmed(); }
    QTemporaryDir m_dir;
    QString m_path;
};

void TestSteppedCount::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("count.db"));
    cli(QStringLiteral("PRAGMA journal_mode=WAL;"
                       "CREATE TABLE t(id INTEGER PRIMARY KEY, session_id TEXT, body TEXT);"
                       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 60000) "
                       "INSERT INTO t(session_id, body) SELECT 's' || (i % 7), hex(randomblob(20)) FROM c;"
                       "DELETE FROM t WHERE id % 13 = 0;")); // gaps: the rowid span overestimates
}

void TestSteppedCount::countEqualsCountStarWhileAnotherProcessAppends()
{
    Database db;
    QVERIFY(db.open({m_path}).ok());
    test::SqliteProcess writer(m_path);
    QVERIFY(writer.start());
    SteppedCount::State s = SteppedCount::start(QStringLiteral("t"));
    s.width = 1000; // many small steps
    const qint64 before = cli(QStringLiteral("SELECT count(*) FROM t;")).toLongLong();
    int steps = 0;
    while (!s.done) {
        SteppedCount::step(db, s);
        ++steps;
        // Between two steps the backend appends (the other process, its own transaction).
        writer.exec(
            QStringLiteral("INSERT INTO t(session_id, body) VALUES ('s1', 'x'), ('s2', 'y'), ('s3', 'z');"));
    }
    writer.stop();
    QVERIFY(!s.error.isError());
    QVERIFY2(steps >= 4, "the count ran in one step");
    QVERIFY(s.estimate >= before); // the rowid span counts the deleted rows too
    QCOMPARE(s.estimateSource, SteppedCount::EstimateSource::RowidSpan);
    // Every row up to the largest rowid the last step saw, as one snapshot sees it.
    QCOMPARE(s.count,
             cli(QStringLiteral("SELECT count(*) FROM t WHERE id <= %1;").arg(s.upToRowid)).toLongLong());
    QVERIFY(s.count > before);
    const qint64 after = cli(QStringLiteral("SELECT count(*) FROM t;")).toLongLong();
    QCOMPARE(s.count, after - 3); // the last append came after the last step
}

void TestSteppedCount::filteredCountEqualsCountStar()
{
    Database db;
    QVERIFY(db.open({m_path}).ok());
    SteppedCount::State s = SteppedCount::start(QStringLiteral("t"), QStringLiteral("rowid"),
                                                QStringLiteral("session_id = ?"), {QStringLiteral("s3")});
    s.width = 500;
    int steps = 0;
    while (!s.done) {
        SteppedCount::step(db, s);
        ++steps;
    }
    QVERIFY(!s.error.isError());
    QVERIFY(steps > 3);
    QCOMPARE(s.count, cli(QStringLiteral("SELECT count(*) FROM t WHERE session_id = 's3';")).toLongLong());
    // sqlite_stat1, once ANALYZE wrote it, is the estimate.
    cli(QStringLiteral("ANALYZE;"));
    Database again;
    QVERIFY(again.open({m_path}).ok());
    SteppedCount::EstimateSource source = SteppedCount::EstimateSource::None;
    const qint64 estimate =
        SteppedCount::estimate(again, QStringLiteral("t"), QStringLiteral("rowid"), &source);
    QCOMPARE(source, SteppedCount::EstimateSource::Stat1);
    QCOMPARE(estimate, cli(QStringLiteral("SELECT count(*) FROM t;")).toLongLong());
}

void TestSteppedCount::oddRowidsAndNoRowid()
{
    const QString path = m_dir.filePath(QStringLiteral("odd.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE odd(x);"
                                       "INSERT INTO odd(rowid, x) VALUES (-9223372036854775808, 1), (-5, 2), "
                                       "(0, 3), (4611686018427387904, 4), (9223372036854775807, 5);"
                                       "CREATE TABLE shadow(rowid TEXT, v);"
                                       "INSERT INTO shadow VALUES ('a', 1), ('b', 2), ('c', 3);"
                                       "CREATE TABLE wr(k TEXT PRIMARY KEY, v) WITHOUT ROWID;"
                                       "INSERT INTO wr VALUES ('a', 1), ('b', 2);"
                                       "CREATE TABLE empty(x);"));
    Database db;
    QVERIFY(db.open({path}).ok());
    struct Case
    {
        const char *table;
        qint64 rows;
    };
    for (const Case &c : {Case{"odd", 5}, Case{"shadow", 3}, Case{"wr", 2}, Case{"empty", 0}}) {
        SteppedCount::State s = SteppedCount::start(QLatin1String(c.table));
        s.width = 256;
        s = SteppedCount::run(db, s);
        QVERIFY2(!s.error.isError(), qPrintable(s.error.toString()));
        QCOMPARE(s.count, c.rows);
    }
    QCOMPARE(SteppedCount::rowidName(db, QStringLiteral("shadow")), QStringLiteral("_rowid_"));
    QVERIFY(SteppedCount::rowidName(db, QStringLiteral("wr")).isEmpty());
}

void TestSteppedCount::notesScanEqualsTheIndexedQuery()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("notes.db"));
    test::sqlite3(
        path,
        QStringLiteral("DELETE FROM semantic_pins;"
                       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 6000) "
                       "INSERT INTO semantic_pins(id, session_id, content, created_at) "
                       "SELECT 'p' || i, s.id, 'pin ' || i, printf('2024-01-01T%05d', (i * 7919) % 6000) "
                       "FROM c JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM sessions) AS s "
                       "ON s.k = c.i % 5;"));
    const QString session =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY id LIMIT 1 OFFSET 2;"))
            .trimmed();
    const QStringList expected =
        test::sqlite3(path, QStringLiteral("SELECT id FROM semantic_pins WHERE session_id = '%1' "
                                           "ORDER BY created_at, rowid;")
                                .arg(session))
            .trimmed()
            .split(QLatin1Char('\n'));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    SessionNotes::Scan scan = SessionNotes::startScan(schema, session);
    scan.width = 256;
    int steps = 0;
    while (!scan.done) {
        SessionNotes::step(db, scan);
        ++steps;
    }
    QVERIFY(!scan.result.error.isError());
    QVERIFY2(steps >= 4, "the pins were not scanned in steps");
    QStringList pins;
    for (const SessionNote &n : scan.result.notes) {
        if (n.kind == SessionNote::Kind::Pin)
            pins << n.id;
    }
    QCOMPARE(pins.size(), 1200);
    QCOMPARE(pins, expected);
    // With an index on session_id it is one statement per table, and the same rows.
    test::sqlite3(path, QStringLiteral("CREATE INDEX pins_session ON semantic_pins(session_id);"));
    Database indexed;
    QVERIFY(indexed.open({path}).ok());
    SessionNotes::Scan quick = SessionNotes::startScan(schema, session);
    steps = 0;
    while (!quick.done) {
        SessionNotes::step(indexed, quick);
        ++steps;
    }
    QVERIFY(steps <= 3);
    QCOMPARE(quick.result.notes.size(), scan.result.notes.size());
}

QTEST_GUILESS_MAIN(TestSteppedCount)
#include "tst_steppedcount.moc"
