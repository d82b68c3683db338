#include "healthsamples.h"
#include "healthtrend.h"
#include "lockreport.h"
#include "proclocks.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "walreaders.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

Q_DECLARE_METATYPE(kalito::test::healthsamples::Sample)

// The health strip's warnings, fed with series: growing, saw-tooth (checkpoints working), a WAL
// filling up for the first time, readers coming and going.
class TestHealthTrend : public QObject
{
    Q_OBJECT
private slots:
    void growth_data();
    void growth();
    void recorded_data();
    void recorded();
    void clearsOnStaleSamples();
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
        // As if the -wal grew with the backlog, above the A frames autocheckpoint leaves.
        t.addWalBytes(ms, 32 + (v + 1000) * (4096 + 24));
        ms += 1000;
    }
    QCOMPARE(t.backlogGrowing(), growing);
    QCOMPARE(t.walGrowing(), growing);
    QCOMPARE(t.warning(), growing);
}

// The rule of docs/health-warnings.md on series recorded from real processes
// (record_health_samples.py): each with the warnings it must and must not raise.
void TestHealthTrend::recorded_data()
{
    using namespace test::healthsamples;
    QTest::addColumn<QList<Sample>>("samples");
    QTest::addColumn<bool>("walMust");       // "-wal growing" must be raised at some moment
    QTest::addColumn<bool>("backlogMust");   // "backlog growing" likewise
    QTest::addColumn<qint64>("quietFromMs"); // from then on neither may be raised (0: never raised)
    auto list = [](const auto &array) { return QList<Sample>(std::begin(array), std::end(array)); };
    QTest::newRow("healthy writer") << list(healthyWriter) << false << false << qint64(0);
    QTest::newRow("pinned WAL") << list(pinnedWal) << true << true << qint64(-1);
    // The writer stops at 40 s: flat from then, and quiet within W/2 (plus a probe interval).
    QTest::newRow("flat backlog, no writer") << list(flatBacklogNoWriter) << true << true << qint64(61000);
    QTest::newRow("TRUNCATE") << list(truncate) << false << false << qint64(0);
    QTest::newRow("burst") << list(burst) << false << false << qint64(0);
}

void TestHealthTrend::recorded()
{
    using test::healthsamples::Sample;
    QFETCH(QList<Sample>, samples);
    QFETCH(bool, walMust);
    QFETCH(bool, backlogMust);
    QFETCH(qint64, quietFromMs);
    QVERIFY(samples.size() >= 50);
    HealthTrend t;
    t.setPageSize(4096);
    bool walSeen = false, backlogSeen = false;
    QStringList loudWhenQuiet;
    const qint64 base = 5000000;
    for (const Sample &s : samples) {
        t.advance(base + s.ms);
        t.addWalBytes(base + s.ms, s.walBytes);
        if (s.backlog >= 0)
            t.addBacklog(base + s.ms, s.backlog);
        walSeen |= t.walGrowing();
        backlogSeen |= t.backlogGrowing();
        if (quietFromMs >= 0 && s.ms >= quietFromMs && (t.walGrowing() || t.backlogGrowing()))
            loudWhenQuiet
                << QStringLiteral("%1 ms: wal %2 backlog %3").arg(s.ms).arg(s.walBytes).arg(s.backlog);
    }
    QVERIFY2(loudWhenQuiet.isEmpty(), qPrintable(loudWhenQuiet.join(u'\n')));
    QCOMPARE(walSeen, walMust);
    QCOMPARE(backlogSeen, backlogMust);
}

// Samples that stop coming leave no verdict standing: a warning is about now, not the last sample.
void TestHealthTrend::clearsOnStaleSamples()
{
    HealthTrend t;
    qint64 ms = 1000000;
    for (int i = 0; i <= 40; ++i, ms += 1000) {
        t.advance(ms);
        t.addBacklog(ms, 1200 + i * 10);
    }
    QVERIFY(t.backlogGrowing());
    t.advance(ms + t.growthWindowMs() / 2);
    QVERIFY(!t.backlogGrowing());
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
        for (const WalReader &r : WalReaders::of(LockReport::assemble(db, ProbeResult(), nullptr, false))) {
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
    QVERIFY(WalReaders::of(LockReport::assemble(QStringLiteral("/nonexistent/kalito.db"), ProbeResult()))
                .isEmpty());
}

QTEST_MAIN(TestHealthTrend)
#include "tst_healthtrend.moc"
