#include "healthtrend.h"
#include "proclocks.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "walreaders.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// The health strip's warnings, fed with series: growing, saw-tooth (checkpoints working), a WAL
// filling up for the first time, readers coming and going.
class TestHealthTrend : public QObject
{
    Q_OBJECT
private slots:
    void growth_data();
    void growth();
    void readersByAgeAndPins();
    void readersFromProcLocks();
};

void TestHealthTrend::growth_data()
{
    QTest::addColumn<QList<qint64>>("backlog"); // one sample a second
    QTest::addColumn<bool>("growing");
    QList<qint64> rising, sawTooth, flatHigh, risingLow, risingShort, dipped, oneJump;
    for (int i = 0; i <= 40; ++i) {
        rising << 1200 + i * 10;
        sawTooth << (i * 90) % 1000; // wal_autocheckpoint resets it: fine
        flatHigh << 5000;
        risingLow << 100 + i * 10; // under what autocheckpoint leaves: a WAL filling up
        dipped << (i == 25 ? 1000 : 1200 + i * 10);
        oneJump << (i < 38 ? 1200 : 1900); // a single burst after a long calm
    }
    for (int i = 0; i <= 20; ++i)
        risingShort << 1200 + i * 10; // not watched for a whole window yet
    QTest::newRow("rising above autocheckpoint") << rising << true;
    QTest::newRow("saw-tooth") << sawTooth << false;
    QTest::newRow("high but flat") << flatHigh << false;
    QTest::newRow("rising below autocheckpoint") << risingLow << false;
    QTest::newRow("rising for less than the window") << risingShort << false;
    QTest::newRow("fell once within the window") << dipped << false;
    QTest::newRow("one jump") << oneJump << false;
}

void TestHealthTrend::growth()
{
    QFETCH(QList<qint64>, backlog);
    QFETCH(bool, growing);
    HealthTrend t;
    t.setGrowthWindowMs(30000);
    qint64 ms = 1000000;
    for (qint64 v : backlog) {
        t.addBacklog(ms, v);
        t.addWalBytes(ms, 32 + v * (4096 + 24)); // as if the -wal grew with the backlog
        ms += 1000;
    }
    QCOMPARE(t.backlogGrowing(), growing);
    QCOMPARE(t.walGrowing(), growing);
    QCOMPARE(t.warning(), growing);
}

void TestHealthTrend::readersByAgeAndPins()
{
    HealthTrend t;
    t.setPinLimitMs(60000);
    t.observeReaders(0, {{100, 1}});
    t.observeReaders(30000, {{100, 1}, {200, 2}});
    auto readers = t.readersByAge();
    QCOMPARE(readers.size(), 2);
    QCOMPARE(readers.at(0).first.pid, 100); // the first holder first
    QCOMPARE(readers.at(0).second, 30000);
    QCOMPARE(readers.at(1).second, 0);
    QVERIFY(!t.readerPinsTooLong());
    t.observeReaders(61000, {{100, 1}, {200, 2}});
    QVERIFY(t.readerPinsTooLong());
    QCOMPARE(t.longestPinMs(), 61000);
    // The reader ends; another transaction of the same process later starts from zero.
    t.observeReaders(62000, {{200, 2}});
    QCOMPARE(t.readersByAge().constFirst().first.pid, 200);
    QVERIFY(!t.readerPinsTooLong());
    t.observeReaders(63000, {{100, 1}, {200, 2}});
    QCOMPARE(t.readersByAge().constLast().second, 0);
    t.observeReaders(64000, {});
    QCOMPARE(t.longestPinMs(), 0);
}

void TestHealthTrend::readersFromProcLocks()
{
    KALITO_REQUIRE(ProcLocks::available(), QStringLiteral("no /proc/locks"));
    QTemporaryDir dir;
    const QString db = test::makeKalitoDb(dir.path());
    int badSlots = 0;
    auto pidsNow = [&db, &badSlots] {
        QList<qint64> pids;
        for (const WalReader &r : WalReaders::fromProcLocks(db, ProcLocks::read())) {
            badSlots += r.slot < 0 || r.slot > 4 ? 1 : 0;
            pids << r.pid;
        }
        return pids;
    };
    test::SqliteProcess reader(db), idle(db);
    QVERIFY(reader.start() && idle.start());
    idle.exec(QStringLiteral("SELECT count(*) FROM sessions;")); // connected (holds dms), no transaction
    QVERIFY(pidsNow().isEmpty());
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM messages;"));
    QCOMPARE(pidsNow(), QList<qint64>{reader.pid()});
    reader.exec(QStringLiteral("COMMIT;"));
    QVERIFY(pidsNow().isEmpty());
    QCOMPARE(badSlots, 0);
    QVERIFY(WalReaders::fromProcLocks(QStringLiteral("/nonexistent/kalito.db"), ProcLocks::read()).isEmpty());
}

QTEST_MAIN(TestHealthTrend)
#include "tst_healthtrend.moc"
