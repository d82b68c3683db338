#include "backendwriter.h"
#include "connection.h"
#include "database.h"
#include "proclocklistener.h"
#include "searchindexbuilder.h"
#include "searchindexfile.h"
#include "searchrunner.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// The search index built beside the Kalito backend's own driver writing (docs/search-index.md): the
// writer never waits and never fails, the inspector's process never holds a write lock on kalito.db
// or its -shm (watched in /proc/locks the whole time), the rows the writer appends meanwhile are
// brought in by rowid, and a search through the index then finds what the scan finds.
class TestSearchIndexBackend : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void buildBesideTheWriter_data();
    void buildBesideTheWriter();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_cache;
};

namespace {

struct Run
{
    bool done = false;
    SearchIndexInfo info;
    DbError error;
};

Run buildOnce(Connection &c, bool fresh, bool update)
{
    SearchIndexBuilder builder(&c);
    Run r;
    QObject::connect(&builder, &SearchIndexBuilder::finished, &builder,
                     [&r](const SearchIndexInfo &info, bool, const DbError &e) {
                         r.info = info;
                         r.error = e;
                         r.done = true;
                     });
    if (update)
        builder.update();
    else
        builder.build(fresh);
    if (!QTest::qWaitFor([&r] { return r.done; }, 120000))
        qWarning("the build did not finish");
    return r;
}

QList<qint64> hitIds(Connection &c, const QString &text, bool withIndex, IndexedSearch::Use *use = nullptr)
{
    SearchRunner runner(&c);
    runner.setIndexEnabled(withIndex);
    runner.setMaxResults(1000000);
    QList<qint64> ids;
    bool done = false;
    QObject::connect(&runner, &SearchRunner::resultsFound, &runner, [&ids](const QList<SearchHit> &hits) {
        for (const SearchHit &h : hits)
            ids << h.messageId;
    });
    QObject::connect(&runner, &SearchRunner::finished, &runner,
                     [&done](bool, const DbError &) { done = true; });
    runner.start(text);
    if (!QTest::qWaitFor([&done] { return done; }, 60000))
        qWarning("the search did not finish");
    if (use)
        *use = runner.indexUse();
    return ids;
}

qint64 lastRowid(Connection &c)
{
    return c
        .run([](Database &db) {
            return db.scalar(QStringLiteral("SELECT max(rowid) FROM messages")).toLongLong();
        })
        .result();
}

} // namespace

void TestSearchIndexBackend::initTestCase()
{
    const QString why = test::BackendWriter::unavailableReason();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY(m_cache.isValid());
    qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    KALITO_REQUIRE(SearchIndexFile::trigramAvailable(), "this SQLite has no FTS5 trigram tokenizer");
}

void TestSearchIndexBackend::buildBesideTheWriter_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write") << false;
    QTest::newRow("read-only") << true;
}

void TestSearchIndexBackend::buildBesideTheWriter()
{
    QFETCH(bool, readOnly);
    const QString db = test::makeKalitoDb(
        m_dir.path(), QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".db"), 100, 100);
    const int seconds = test::BackendWriter::configuredSeconds(20);
    test::BackendWriter writer;
    QVERIFY2(writer.start(db, seconds), qPrintable(writer.stderrText()));

    Connection c;
    OpenOptions options{db};
    options.readOnly = readOnly;
    QVERIFY(c.open(options).result().ok());
    test::ProcLockListener locks(db, qint64(QCoreApplication::applicationPid()));
    locks.start();

    // Builds and updates, one after the other, for as long as the writer writes; the rows it
    // commits during each build are counted by rowid.
    int builds = 0, updates = 0;
    qint64 writtenDuringBuilds = 0;
    QStringList errors;
    QElapsedTimer timer;
    timer.start();
    while (writer.isRunning() && timer.elapsed() < (seconds + 60) * 1000) {
        const qint64 before = lastRowid(c);
        const bool fresh = (builds + updates) % 4 == 0; // a fresh build, then three updates
        const Run r = buildOnce(c, fresh, !fresh);
        (fresh ? builds : updates) += 1;
        if (r.error.isError() || r.info.state != SearchIndexInfo::State::Ready)
            errors << r.error.toString() + QStringLiteral(" state %1").arg(int(r.info.state));
        if (fresh)
            writtenDuringBuilds += lastRowid(c) - before;
        QCoreApplication::processEvents();
    }
    locks.stop();
    QVERIFY2(writer.finish(60000), "the writer did not finish");

    // Once the writer stopped: up to date by rowid, and the index finds what the scan finds.
    const Run last = buildOnce(c, false, true);
    QCOMPARE(last.info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(last.info.behindRows(), qint64(0));
    for (const QString &needle : {QStringLiteral("medication"), QStringLiteral("Grüße"),
                                  QStringLiteral("你好 "), QStringLiteral("<b>not")}) {
        IndexedSearch::Use use = IndexedSearch::Use::Scan;
        const QList<qint64> indexed = hitIds(c, needle, true, &use);
        QCOMPARE(indexed, hitIds(c, needle, false));
        QVERIFY(!indexed.isEmpty());
        qInfo().noquote() << needle << indexed.size()
                          << "hits; through the index:" << (use == IndexedSearch::Use::Index);
    }
    c.close().result();

    qInfo().noquote() << QStringLiteral("%1: %2 fresh builds and %3 updates while the writer committed %4 "
                                        "transactions (%5 messages during the fresh builds); %6 /proc/locks "
                                        "samples, write locks seen: %7")
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(builds)
                             .arg(updates)
                             .arg(writer.transactions())
                             .arg(writtenDuringBuilds)
                             .arg(locks.samples())
                             .arg(locks.writeLocksSeen().isEmpty()
                                      ? QStringLiteral("none")
                                      : locks.writeLocksSeen().join(QStringLiteral(", ")));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY(builds >= 1);
    // The writer kept writing during the builds, never waited out its timeout, never failed.
    QVERIFY2(writtenDuringBuilds > 0, "the writer committed nothing while the index was built");
    QVERIFY2(writer.sawDone(), qPrintable(writer.stderrText()));
    QVERIFY2(writer.errors().isEmpty(), qPrintable(writer.errors().mid(0, 5).join(QLatin1Char('\n'))));
    QCOMPARE(writer.exitCode(), 0);
    // No write lock of this process on kalito.db or byte 120 of its -shm, ever.
    QVERIFY(locks.samples() > 0);
    QVERIFY2(locks.writeLocksSeen().isEmpty(), qPrintable(locks.writeLocksSeen().join(QLatin1Char('\n'))));
    const QStringList missing = writer.missingRows(db);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 10).join(QLatin1Char(' '))));
    QCOMPARE(test::sqlite3(db, QStringLiteral("PRAGMA integrity_check;")), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestSearchIndexBackend)
#include "tst_searchindexbackend.moc"
