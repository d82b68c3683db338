#include "connection.h"
#include "database.h"
#include "indexedsearch.h"
#include "searchindexbuilder.h"
#include "searchindexfile.h"
#include "searchindexhelpers.h"
#include "searchrunner.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;
using test::buildIndex;
using test::dump;
using test::fillMessages;
using test::inspectIndex;
using Outcome = test::SearchOutcome;

// Bad input to the search index (docs/search-index.md): a cache file made for another database, a
// damaged or truncated index file, a database replaced under it. Each is detected, the search reads
// the messages instead (the same hits), and a build asked for makes a new index.
class TestSearchIndexInput : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void anotherDatabasesFileIsNotTrusted();
    void damagedIndexIsNotTrusted();
    void truncatedIndexIsNotTrusted();
    void replacedDatabaseIsNotTrusted_data();
    void replacedDatabaseIsNotTrusted();
    void twoWindowsNeverBuildAtOnce();
    void indexFailingDuringASearchIsScanned();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_cache;
};

void TestSearchIndexInput::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_cache.isValid());
    qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    KALITO_REQUIRE(SearchIndexFile::trigramAvailable(), "this SQLite has no FTS5 trigram tokenizer");
}

void TestSearchIndexInput::cleanup()
{
    QDir(m_cache.path()).removeRecursively();
}

void TestSearchIndexInput::anotherDatabasesFileIsNotTrusted()
{
    const QString a = test::makeKalitoDb(m_dir.path(), QStringLiteral("a.db"), 3, 10);
    const QString b = test::makeKalitoDb(m_dir.path(), QStringLiteral("b.db"), 4, 10);
    {
        Connection c;
        QVERIFY(c.open({a}).result().ok());
        QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    }
    QVERIFY(QFile::copy(SearchIndexFile::pathFor(a), SearchIndexFile::pathFor(b)));
    Connection c;
    QVERIFY(c.open({b}).result().ok());
    QCOMPARE(inspectIndex(c).state, SearchIndexInfo::State::Foreign);
    const Outcome o = test::searchAll(c, QStringLiteral("the"), true);
    QCOMPARE(o.use, IndexedSearch::Use::IndexNotUsable);
    QCOMPARE(dump(o.hits), dump(test::searchAll(c, QStringLiteral("the"), false).hits));
    // A build asked for replaces it (resuming it would be trusting it).
    const test::Built rebuilt = buildIndex(c, false);
    QCOMPARE(rebuilt.info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(test::searchAll(c, QStringLiteral("the"), true).use, IndexedSearch::Use::Index);
}

void TestSearchIndexInput::damagedIndexIsNotTrusted()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("damaged.db"), 20, 40);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    const QString index = SearchIndexFile::pathFor(path);
    const QString needle = QStringLiteral("the");
    const QStringList expected = dump(test::searchAll(c, needle, false).hits);
    QVERIFY(!expected.isEmpty());
    {
        // Everything after the first two pages overwritten with garbage.
        QFile f(index);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 3 * 4096);
        f.seek(2 * 4096);
        QByteArray junk(int(size - 2 * 4096), '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char(i * 131 + 7);
        f.write(junk);
    }
    const Outcome o = test::searchAll(c, needle, true);
    QVERIFY2(o.use == IndexedSearch::Use::IndexFailed || o.use == IndexedSearch::Use::IndexNotUsable,
             qPrintable(QString::number(int(o.use))));
    QCOMPARE(dump(o.hits), expected);
    QVERIFY(!o.error.isError());

    // A header that is not SQLite's at all.
    {
        QFile f(index);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write("this is not a database file at all");
    }
    QCOMPARE(inspectIndex(c).state, SearchIndexInfo::State::Damaged);
    QCOMPARE(dump(test::searchAll(c, needle, true).hits), expected);
    // Built again when asked.
    QCOMPARE(buildIndex(c, false).info.state, SearchIndexInfo::State::Ready);
    const Outcome again = test::searchAll(c, needle, true);
    QCOMPARE(again.use, IndexedSearch::Use::Index);
    QCOMPARE(dump(again.hits), expected);
}

void TestSearchIndexInput::truncatedIndexIsNotTrusted()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("truncated.db"), 20, 40);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    const QString index = SearchIndexFile::pathFor(path);
    QVERIFY(QFile::resize(index, QFileInfo(index).size() / 2));
    const SearchIndexInfo info = inspectIndex(c);
    QCOMPARE(info.state, SearchIndexInfo::State::Damaged);
    const Outcome o = test::searchAll(c, QStringLiteral("the"), true);
    QCOMPARE(o.use, IndexedSearch::Use::IndexNotUsable);
    QCOMPARE(dump(o.hits), dump(test::searchAll(c, QStringLiteral("the"), false).hits));
    QVERIFY(!o.hits.isEmpty());
    QCOMPARE(buildIndex(c, false).info.state, SearchIndexInfo::State::Ready);
}

void TestSearchIndexInput::replacedDatabaseIsNotTrusted_data()
{
    QTest::addColumn<bool>("sameInode");
    QTest::newRow("another file put in its place") << false;
    QTest::newRow("copied over it") << true;
}

void TestSearchIndexInput::replacedDatabaseIsNotTrusted()
{
    QFETCH(bool, sameInode);
    const QString name = sameInode ? QStringLiteral("over.db") : QStringLiteral("moved.db");
    const QString path = test::makeKalitoDb(m_dir.path(), name, 10, 20);
    const QString other = test::makeKalitoDb(m_dir.path(), QStringLiteral("other-") + name, 8, 20);
    fillMessages(other,
                 {QStringLiteral("an entirely different life"), QStringLiteral("of another database")});
    {
        Connection c;
        QVERIFY(c.open({path}).result().ok());
        QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    }
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    if (sameInode) {
        // The same inode, other bytes (cp over it).
        int rc = -1;
        test::sqlite3(other, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE);"), &rc);
        QFile from(other), to(path);
        QVERIFY(from.open(QIODevice::ReadOnly) && to.open(QIODevice::ReadWrite | QIODevice::Truncate));
        to.write(from.readAll());
    } else {
        QVERIFY(QFile::remove(path));
        QVERIFY(QFile::copy(other, path));
    }
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(inspectIndex(c).state, SearchIndexInfo::State::Replaced);
    const Outcome o = test::searchAll(c, QStringLiteral("database"), true);
    QCOMPARE(o.use, IndexedSearch::Use::IndexNotUsable);
    QCOMPARE(o.hits.size(), 1);
}

// Two windows (two connections) on one database: while one builds, the other's build is refused
// (it would replace the file under the first); once the first is done, the second may.
void TestSearchIndexInput::twoWindowsNeverBuildAtOnce()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("two.db"), 40, 100);
    Connection first, second;
    QVERIFY(first.open({path}).result().ok());
    QVERIFY(second.open({path}).result().ok());
    SearchIndexBuilder a(&first), b(&second);
    QSignalSpy aDone(&a, &SearchIndexBuilder::finished), bDone(&b, &SearchIndexBuilder::finished);
    bool started = false;
    connect(&a, &SearchIndexBuilder::progress, this, [&](double f) {
        if (!started && f < 1.0) {
            started = true;
            b.build(true);
        }
    });
    a.build(true);
    QVERIFY(bDone.wait(60000) || bDone.size() == 1);
    QVERIFY(started);
    const DbError refused = bDone.at(0).at(2).value<DbError>();
    QCOMPARE(refused.reason, DbError::Reason::SearchIndexBusy);
    QTRY_COMPARE_WITH_TIMEOUT(aDone.size(), 1, 60000);
    QCOMPARE(aDone.at(0).at(0).value<SearchIndexInfo>().state, SearchIndexInfo::State::Ready);
    // The first is done: the second may build now.
    b.build(true);
    QTRY_COMPARE_WITH_TIMEOUT(bDone.size(), 2, 60000);
    QVERIFY(!bDone.at(1).at(2).value<DbError>().isError());
    QCOMPARE(bDone.at(1).at(0).value<SearchIndexInfo>().state, SearchIndexInfo::State::Ready);
}

// The index checked out when the search was planned, then fails under it (here: overwritten with
// garbage between the plan and the first chunk): the rest of the search scans, with the same hits.
void TestSearchIndexInput::indexFailingDuringASearchIsScanned()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("failing.db"), 20, 40);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    const QStringList expected = dump(test::searchAll(c, QStringLiteral("the"), false).hits);
    QVERIFY(!expected.isEmpty());
    SearchRunner runner(&c);
    runner.setMaxResults(1000000);
    QList<SearchHit> hits;
    QList<IndexedSearch::Use> uses;
    connect(&runner, &SearchRunner::planned, this, [&](IndexedSearch::Use use) {
        uses << use;
        if (uses.size() == 1) {
            QFile f(SearchIndexFile::pathFor(path));
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.write(QByteArray(int(f.size()), 'x'));
        }
    });
    connect(&runner, &SearchRunner::resultsFound, this, [&](const QList<SearchHit> &h) { hits << h; });
    QSignalSpy finished(&runner, &SearchRunner::finished);
    runner.start(QStringLiteral("the"));
    QVERIFY(finished.wait(60000));
    QCOMPARE(uses, (QList<IndexedSearch::Use>{IndexedSearch::Use::Index, IndexedSearch::Use::IndexFailed}));
    QCOMPARE(runner.indexUse(), IndexedSearch::Use::IndexFailed);
    QVERIFY(!finished.at(0).at(1).value<DbError>().isError());
    QCOMPARE(dump(hits), expected);
    QCOMPARE(inspectIndex(c).state, SearchIndexInfo::State::Damaged);
}

QTEST_GUILESS_MAIN(TestSearchIndexInput)
#include "tst_searchindexinput.moc"
