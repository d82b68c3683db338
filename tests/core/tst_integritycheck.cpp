#include "checktext.h"
#include "connection.h"
#include "database.h"
#include "integritycheck.h"
#include "readgate.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// Integrity checks on real files: a healthy demo database, a COPY the test damages on purpose,
// an orphan row for foreign_key_check, and a database whose check is cancelled while it runs.
class TestIntegrityCheck : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void healthyIsOk_data();
    void healthyIsOk();
    void corruptedCopyIsReported();
    void foreignKeyOrphan();
    void splitsMultiLineMessages();
    void cancelStopsALongCheck_data();
    void cancelStopsALongCheck();

private:
    QTemporaryDir m_dir;
    QString m_healthy;
};

void TestIntegrityCheck::initTestCase()
{
    m_healthy = test::makeKalitoDb(m_dir.path(), QStringLiteral("healthy.db"), 6, 40);
}

void TestIntegrityCheck::healthyIsOk_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("perTable");
    for (bool perTable : {false, true}) {
        QTest::addRow("quick %d", perTable) << int(IntegrityKind::Quick) << perTable;
        QTest::addRow("full %d", perTable) << int(IntegrityKind::Full) << perTable;
        QTest::addRow("fk %d", perTable) << int(IntegrityKind::ForeignKeys) << perTable;
    }
}

void TestIntegrityCheck::healthyIsOk()
{
    QFETCH(int, kind);
    QFETCH(bool, perTable);
    Database db;
    QVERIFY(db.open({m_healthy}).ok());
    QList<int> progress;
    const IntegrityResult r =
        IntegrityCheck::run(db, IntegrityKind(kind), perTable, CancelToken(),
                            [&progress](int done, int, const QString &) { progress << done; });
    QVERIFY2(r.clean, qPrintable(r.problemTexts().join(QLatin1Char('\n')) + r.error.toString()));
    QVERIFY(r.problems.isEmpty());
    QCOMPARE(r.tablesChecked, r.tablesTotal);
    if (perTable) {
        QVERIFY(r.tablesTotal >= 5); // the Kalito tables, one step each
        QCOMPARE(progress.size(), r.tablesTotal + 1);
        QCOMPARE(progress.constLast(), r.tablesTotal);
    }
    QCOMPARE(db.activeStatements(), 0);
    QVERIFY(db.isAutocommit());
    db.close();
}

void TestIntegrityCheck::corruptedCopyIsReported()
{
    // A copy in rollback mode (one file), then bytes of two index leaf pages overwritten.
    const QString copy = m_dir.filePath(QStringLiteral("corrupt.db"));
    test::sqlite3(m_healthy, QStringLiteral("VACUUM INTO '%1';").arg(copy));
    test::sqlite3(copy, QStringLiteral("PRAGMA journal_mode=delete;"));
    const QStringList pages =
        test::sqlite3(copy,
                      QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'idx_messages_session_created' "
                                     "AND pagetype = 'leaf' LIMIT 2;"))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(!pages.isEmpty(), "the index has leaf pages to damage");
    const int pageSize = test::sqlite3(copy, QStringLiteral("PRAGMA page_size;")).toInt();
    {
        // The test process has no connection to the copy: writing it here drops nobody's locks.
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        for (const QString &p : pages) {
            QVERIFY(f.seek(qint64(p.toInt() - 1) * pageSize + pageSize - 300));
            f.write(QByteArray(200, '\x07'));
        }
    }
    Database db;
    QVERIFY(db.open({copy}).ok());
    for (bool perTable : {false, true}) {
        const IntegrityResult r = IntegrityCheck::run(db, IntegrityKind::Full, perTable);
        QVERIFY(!r.clean);
        QVERIFY(!r.cancelled);
        const QStringList texts = r.problemTexts();
        QVERIFY2(texts.size() >= 2, qPrintable(texts.join(QLatin1Char('\n'))));
        for (const QString &p : texts)
            QVERIFY2(!p.contains(QLatin1Char('\n')) && !p.isEmpty(), qPrintable(p));
        QVERIFY2(texts.join(QLatin1Char('\n')).contains(QStringLiteral("idx_messages_session_created")),
                 qPrintable(texts.join(QLatin1Char('\n'))));
    }
    db.close();
}

void TestIntegrityCheck::foreignKeyOrphan()
{
    const QString copy = m_dir.filePath(QStringLiteral("orphan.db"));
    test::sqlite3(m_healthy, QStringLiteral("VACUUM INTO '%1';").arg(copy));
    test::sqlite3(
        copy, QStringLiteral("PRAGMA foreign_keys=OFF; UPDATE messages SET session_id = 'no-such-session' "
                             "WHERE rowid = (SELECT min(rowid) FROM messages);"));
    Database db;
    QVERIFY(db.open({copy}).ok());
    const IntegrityResult r = IntegrityCheck::run(db, IntegrityKind::ForeignKeys, true);
    QVERIFY(!r.clean);
    QCOMPARE(r.problems.size(), 1);
    const IntegrityFinding &f = r.problems.constFirst();
    QCOMPARE(f.kind, IntegrityFinding::Kind::ForeignKey);
    QCOMPARE(f.table, QStringLiteral("messages"));
    QCOMPARE(f.parent, QStringLiteral("sessions"));
    QVERIFY2(r.problemTexts().constFirst().startsWith(QStringLiteral("messages row ")),
             qPrintable(r.problemTexts().constFirst()));
    QVERIFY(r.problemTexts().constFirst().contains(QStringLiteral("no matching row in sessions")));
    // integrity_check does not look at foreign keys.
    QVERIFY(IntegrityCheck::run(db, IntegrityKind::Full, false).clean);
    db.close();
}

void TestIntegrityCheck::splitsMultiLineMessages()
{
    const QList<QVariantList> rows = {
        {QStringLiteral("*** in database main ***\nPage 5: bad\nPage 6: worse")},
        {QStringLiteral("row 3 missing from index i")}};
    QCOMPARE(CheckText::findings(IntegrityCheck::findingsFrom(rows, IntegrityKind::Full)),
             QStringList({QStringLiteral("Page 5: bad"), QStringLiteral("Page 6: worse"),
                          QStringLiteral("row 3 missing from index i")}));
    QVERIFY(IntegrityCheck::findingsFrom({{QStringLiteral("ok")}}, IntegrityKind::Quick).isEmpty());
}

void TestIntegrityCheck::cancelStopsALongCheck_data()
{
    QTest::addColumn<bool>("perTable");
    QTest::newRow("whole file") << false;
    QTest::newRow("table by table") << true;
}

void TestIntegrityCheck::cancelStopsALongCheck()
{
    QFETCH(bool, perTable);
    const QString big = m_dir.filePath(QStringLiteral("big.db"));
    if (!QFile::exists(big)) {
        // Hundreds of pages: the gate's read below falls inside the check's b-tree walk.
        test::sqlite3(
            big,
            QStringLiteral("PRAGMA journal_mode=wal; PRAGMA synchronous=off;"
                           "CREATE TABLE big(id INTEGER PRIMARY KEY, a TEXT, b TEXT);"
                           "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 20000) "
                           "INSERT INTO big SELECT i, hex(randomblob(16)), hex(randomblob(16)) FROM c;"
                           "CREATE INDEX big_a ON big(a); CREATE INDEX big_b ON big(b);"
                           "PRAGMA wal_checkpoint(TRUNCATE);"));
    }
    Connection connection;
    test::ReadGate gate; // after the connection: destroyed first, it lets a held read go
    QVERIFY(connection.open({big}).result().ok());
    const CancelToken cancel;
    // The check's own progress report, on the connection thread just before the statement that
    // checks `big`, arms the gate: the statement's 50th page read stops inside the check's walk
    // until the cancel below was made. The cancel thus happens while the check runs, however fast
    // the machine is.
    const QString target = perTable ? QStringLiteral("big") : QString();
    QFuture<IntegrityResult> future = connection.run(
        [cancel, perTable, &gate, big, target](Database &db) {
            return IntegrityCheck::run(db, IntegrityKind::Full, perTable, cancel,
                                       [&gate, big, target](int, int, const QString &table) {
                                           if (table == target)
                                               gate.arm(big, 50);
                                       });
        },
        Connection::Priority::Background, cancel);
    QVERIFY2(gate.reached(), "the check never read its 50th page of big.db");
    QVERIFY(!future.isFinished());
    cancel.cancel(); // the token alone, from this thread: no connection-wide interrupt
    gate.release();
    future.waitForFinished();
    // Uninterrupted, the check of `big` ends without error and counts as checked: that it was
    // stopped while it ran shows in the result. How soon is a benchmark figure (kalito-bench:
    // cancel_integrity_*), not a limit here.
    const IntegrityResult r = future.result();
    QVERIFY(r.cancelled);
    QVERIFY2(r.tablesChecked < r.tablesTotal,
             qPrintable(QStringLiteral("%1 of %2").arg(r.tablesChecked).arg(r.tablesTotal)));
    QVERIFY(!r.clean);
    QVERIFY(r.problems.isEmpty()); // an interrupt is not a finding
    // The connection works afterwards and holds no transaction.
    QCOMPARE(
        connection
            .run([](Database &db) { return db.scalar(QStringLiteral("SELECT count(*) FROM big")).toInt(); })
            .result(),
        20000);
}

QTEST_GUILESS_MAIN(TestIntegrityCheck)
#include "tst_integritycheck.moc"
