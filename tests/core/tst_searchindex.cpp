#include "connection.h"
#include "database.h"
#include "indexedsearch.h"
#include "searchindexbuilder.h"
#include "searchindexfile.h"
#include "searchindexhelpers.h"
#include "searchrunner.h"
#include "testsupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;
using test::buildIndex;
using test::dump;
using test::fillMessages;
using test::inspectIndex;
using Outcome = test::SearchOutcome;

// The search index (docs/search-index.md): its hits are the scan's hits, it is built in steps that
// can be cancelled and resumed, brought up to date by rowid, and never trusted when it is not what
// it says (another database's file, damaged, truncated, a database replaced under it).
namespace {

// The needles of the comparison: ASCII, accents, case, CJK, emoji, LIKE's and GLOB's specials,
// quotes, backslash, and characters whose case does not map one to one.
const QStringList kTexts = {
    QStringLiteral("growth of 50% this year"),
    QStringLiteral("growth of 50 percent"),
    QStringLiteral("file_name.txt and fileXname.txt"),
    QStringLiteral("it's fine, \"quoted\" words"),
    QStringLiteral("back\\slash and back\\\\double"),
    QStringLiteral("party \U0001F389 time \U0001F389\U0001F389 \U0001F600 grin"),
    QStringLiteral("Émile Zola écrit à l'École; ÉCOLE, école"),
    QStringLiteral("café crème, CAFÉ CRÈME, Café"),
    QStringLiteral("東京都の天気は晴れ、東京タワー"),
    QStringLiteral("数据库 搜索 数据"),
    QStringLiteral("HELLO World hello wORLD"),
    QStringLiteral("glob *star* [bracket] ?q"),
    QStringLiteral("ΣΊΣΥΦΟΣ σίσυφος ς final sigma"),
    QStringLiteral("Straße STRASSE strasse"),
    QStringLiteral("İstanbul ıstanbul ISTANBUL istanbul"),
    QStringLiteral("Kelvin \u212A sign and k K"),
    QStringLiteral("ǅemal ǆemal Ǆemal"),
    QStringLiteral("مرحبا بالعالم"),
    QStringLiteral("<b>bold</b> &amp; <script>x</script>"),
    QStringLiteral("'); DROP TABLE messages; --"),
    QStringLiteral("tab\there\nnew line"),
    QStringLiteral("100%_done_\\%"),
};

const QStringList kNeedles = {
    QStringLiteral("growth"),
    QStringLiteral("GROWTH OF"),
    QStringLiteral("50%"),
    QStringLiteral("0% t"),
    QStringLiteral("e_n"),
    QStringLiteral("_na"),
    QStringLiteral("it's"),
    QStringLiteral("\"quoted\""),
    QStringLiteral("k\\s"),
    QStringLiteral("\\\\d"),
    QStringLiteral("\U0001F389 t"),
    QStringLiteral("\U0001F389\U0001F389\U0001F389"),
    QStringLiteral("y \U0001F389"),
    QStringLiteral("émile"),
    QStringLiteral("ÉCOLE"),
    QStringLiteral("école"),
    QStringLiteral("Café"),
    QStringLiteral("CRÈME"),
    QStringLiteral("東京タ"),
    QStringLiteral("東京都の"),
    QStringLiteral("数据库"),
    QStringLiteral("hello world"),
    QStringLiteral("*star*"),
    QStringLiteral("[bracket]"),
    QStringLiteral("?q"),
    QStringLiteral("σίσυφος"),
    QStringLiteral("ΣΊΣ"),
    QStringLiteral("ς f"),
    QStringLiteral("straße"),
    QStringLiteral("STRASSE"),
    QStringLiteral("İstan"),
    QStringLiteral("istanbul"),
    QStringLiteral("ıst"),
    QStringLiteral("kelvin \u212A"),
    QStringLiteral("\u212A s"),
    QStringLiteral("k k"),
    QStringLiteral("ǆem"),
    QStringLiteral("ǅEMAL"),
    QStringLiteral("بالعالم"),
    QStringLiteral("<script>"),
    QStringLiteral("'); DROP"),
    QStringLiteral("\there"),
    QStringLiteral("e\nn"),
    QStringLiteral("%_d"),
    QStringLiteral("_\\%"),
    QStringLiteral("zebra"),
    QStringLiteral("é"),
    QStringLiteral("東京"),
    QStringLiteral("%"),
    QStringLiteral("ab"),
};

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void needlesMatchTheScan_data();
    void needlesMatchTheScan();
    void randomNeedlesMatchTheScan();
    void shortTextsAreScanned();
    void buildIsSteppedCancellableAndResumable();
    void appendedRowsAreSearchedThenIndexed();
    void deletedAndEditedRows();
    void readOnlyOpenBuildsWithoutWritingTheDatabase();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_cache;
    QString m_needlesDb;
};

void TestSearchIndex::initTestCase()
{
    QVERIFY(m_dir.isValid() && m_cache.isValid());
    qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    QVERIFY(SearchIndexFile::cacheDirectory().startsWith(m_cache.path()));
    KALITO_REQUIRE(SearchIndexFile::trigramAvailable(), "this SQLite has no FTS5 trigram tokenizer");
    m_needlesDb = test::makeKalitoDb(m_dir.path(), QStringLiteral("needles.db"), 3, 4);
    QCOMPARE(fillMessages(m_needlesDb, kTexts).size(), kTexts.size());
}

void TestSearchIndex::cleanup()
{
    QDir(m_cache.path()).removeRecursively();
}

void TestSearchIndex::needlesMatchTheScan_data()
{
    QTest::addColumn<QString>("needle");
    for (const QString &n : kNeedles)
        QTest::newRow(n.toUtf8().constData()) << n;
}

void TestSearchIndex::needlesMatchTheScan()
{
    QFETCH(QString, needle);
    Connection c;
    QVERIFY(c.open({m_needlesDb}).result().ok());
    const test::Built b = buildIndex(c, true);
    QVERIFY2(!b.error.isError(), qPrintable(b.error.toString()));
    QCOMPARE(b.info.state, SearchIndexInfo::State::Ready);
    const Outcome scan = test::searchAll(c, needle, false);
    const Outcome indexed = test::searchAll(c, needle, true);
    QVERIFY(!scan.error.isError() && !indexed.error.isError());
    QCOMPARE(scan.use, IndexedSearch::Use::Scan);
    QCOMPARE(dump(indexed.hits), dump(scan.hits));
    const int characters = int(needle.toUcs4().size());
    if (characters < IndexedSearch::kMinimumCharacters)
        QCOMPARE(indexed.use, IndexedSearch::Use::ShortText);
    else if (TextMatch::isAsciiNeedle(needle))
        QCOMPARE(indexed.use, IndexedSearch::Use::Index);
    else
        QVERIFY(indexed.use == IndexedSearch::Use::Index ||
                indexed.use == IndexedSearch::Use::TextNotIndexable);
    qInfo().noquote() << needle << "->" << scan.hits.size() << "hit(s),"
                      << (indexed.use == IndexedSearch::Use::Index ? "through the index" : "scanned");
}

// Random texts over an alphabet of every kind of character, and needles cut from them with their
// case changed: the two searches must agree on every one.
void TestSearchIndex::randomNeedlesMatchTheScan()
{
    const QList<char32_t> alphabet = {U'a', U'B', U'c', U'%',      U'_',  U'\\',         U'\'', U'"', U' ',
                                      U'é', U'É', U'ß', U'東',     U'京', U'\U0001F389', U'σ',  U'ς', U'Σ',
                                      U'İ', U'ı', U'K', U'\u212A', U'*',  U'[',          U'?',  U'x'};
    QRandomGenerator rng(24);
    QStringList texts;
    for (int i = 0; i < 1500; ++i) {
        QString t;
        const int n = 5 + int(rng.bounded(60));
        for (int k = 0; k < n; ++k) {
            const char32_t ch = alphabet.at(int(rng.bounded(alphabet.size())));
            t += QString::fromUcs4(&ch, 1);
        }
        texts << t;
    }
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("random.db"), 2, 2);
    QCOMPARE(fillMessages(path, texts).size(), texts.size());
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    int throughIndex = 0;
    for (int i = 0; i < 120; ++i) {
        const QString &t = texts.at(int(rng.bounded(texts.size())));
        const QList<uint> points = t.toUcs4();
        const int length = 3 + int(rng.bounded(3));
        const int at = int(rng.bounded(qMax(1, int(points.size()) - length)));
        QString needle = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData() + at),
                                           qMin(length, int(points.size()) - at));
        if (i % 3 == 1)
            needle = needle.toUpper();
        else if (i % 3 == 2)
            needle = needle.toLower();
        const Outcome scan = test::searchAll(c, needle, false);
        const Outcome indexed = test::searchAll(c, needle, true);
        QVERIFY2(dump(indexed.hits) == dump(scan.hits), qPrintable(needle));
        if (indexed.use == IndexedSearch::Use::Index)
            ++throughIndex;
    }
    qInfo() << throughIndex << "of 120 random needles went through the index";
    QVERIFY(throughIndex > 30);
}

void TestSearchIndex::shortTextsAreScanned()
{
    Connection c;
    QVERIFY(c.open({m_needlesDb}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    for (const QString &needle :
         {QStringLiteral("e"), QStringLiteral("50"), QStringLiteral("\U0001F389"), QStringLiteral("東京")}) {
        const Outcome o = test::searchAll(c, needle, true);
        QCOMPARE(o.use, IndexedSearch::Use::ShortText);
        QCOMPARE(dump(o.hits), dump(test::searchAll(c, needle, false).hits));
        QVERIFY(!o.hits.isEmpty());
    }
}

void TestSearchIndex::buildIsSteppedCancellableAndResumable()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("stepped.db"), 40, 100);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    const SearchIndexEstimate e = c.run([](Database &db) { return SearchIndexBuild::estimate(db); }).result();
    QVERIFY2(!e.error.isError(), qPrintable(e.error.toString()));
    QCOMPARE(e.info.state, SearchIndexInfo::State::Absent);
    QCOMPARE(e.rows, qint64(4000));
    QVERIFY(e.textBytes > 0 && e.indexBytes > 0);

    // Cancelled after its first step: what was indexed stays, as a partial index nobody searches.
    SearchIndexBuilder builder(&c);
    bool finished = false, wasCancelled = false;
    SearchIndexInfo after;
    connect(&builder, &SearchIndexBuilder::progress, this, [&](double f) {
        if (f < 1.0)
            builder.cancel();
    });
    connect(&builder, &SearchIndexBuilder::finished, this,
            [&](const SearchIndexInfo &info, bool cancelled, const DbError &) {
                after = info;
                wasCancelled = cancelled;
                finished = true;
            });
    builder.build(true);
    QVERIFY(QTest::qWaitFor([&] { return finished; }, 60000));
    QVERIFY(wasCancelled);
    QCOMPARE(after.state, SearchIndexInfo::State::Partial);
    QVERIFY(after.indexedRows > 0 && after.indexedRows < 4000);
    const Outcome partial = test::searchAll(c, QStringLiteral("the"), true);
    QCOMPARE(partial.use, IndexedSearch::Use::IndexNotUsable);

    // Resumed: it goes on from where it stopped, in several steps.
    const test::Built resumed = buildIndex(c, false);
    QCOMPARE(resumed.info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(resumed.info.indexedRows, qint64(4000));
    QVERIFY2(resumed.steps > 2, qPrintable(QString::number(resumed.steps)));
    QVERIFY(resumed.progressSignals > 1);
    for (const QString &needle : {QStringLiteral("the"), QStringLiteral("Medication"), QStringLiteral("ñ")})
        QCOMPARE(dump(test::searchAll(c, needle, true).hits), dump(test::searchAll(c, needle, false).hits));
    QCOMPARE(c.run([](Database &db) { return db.activeStatements(); }).result(), 0);
}

void TestSearchIndex::appendedRowsAreSearchedThenIndexed()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("appended.db"), 3, 10);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    // The backend appends (a second process).
    int rc = -1;
    test::sqlite3(
        path,
        QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) SELECT id, 'user', "
                       "'a zanzibar appendix', '2030-01-01' FROM sessions;"),
        &rc);
    QCOMPARE(rc, 0);
    SearchIndexInfo info = inspectIndex(c);
    QCOMPARE(info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(info.behindRows(), qint64(3));
    Outcome o = test::searchAll(c, QStringLiteral("ZANZIBAR"), true);
    QCOMPARE(o.use, IndexedSearch::Use::Index);
    QCOMPARE(o.hits.size(), 3); // the rows beyond the index are scanned
    // Brought up to date by rowid.
    const test::Built updated = buildIndex(c, false, true);
    QCOMPARE(updated.info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(updated.info.behindRows(), qint64(0));
    QCOMPARE(updated.info.indexedRows, qint64(33));
    o = test::searchAll(c, QStringLiteral("ZANZIBAR"), true);
    QCOMPARE(o.use, IndexedSearch::Use::Index);
    QCOMPARE(dump(o.hits), dump(test::searchAll(c, QStringLiteral("zanzibar"), false).hits));
}

// Deletes and edits by the backend (docs/search-index.md, "Edits and deletes"): every candidate is
// read live, so a deleted row or a row whose new text no longer holds the needle is never shown;
// a row edited to hold the needle is found by the scan of the rows beyond the index only if it is
// new, else after a rebuild (or at once when it is one of the sampled rows: the index is then
// not trusted at all).
void TestSearchIndex::deletedAndEditedRows()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("edited.db"), 2, 4);
    QStringList texts = {QStringLiteral("filler 0"), QStringLiteral("alpha one"), QStringLiteral("alpha two"),
                         QStringLiteral("alpha three")};
    for (int i = 4; i < 64; ++i)
        texts << QStringLiteral("filler %1").arg(i);
    const QList<qint64> ids = fillMessages(path, texts);
    Connection c;
    QVERIFY(c.open({path}).result().ok());
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(test::searchAll(c, QStringLiteral("alpha"), true).hits.size(), 3);
    // The rows sampled to recognise the database (an edit to one of those makes the whole index
    // untrusted, tested below with replaced databases): the edits here go to other rows.
    QString sampled;
    {
        SearchIndexFile f;
        QVERIFY(!f.openExisting(SearchIndexFile::pathFor(path)).isError());
        sampled = f.meta(QStringLiteral("samples"));
    }
    auto isSampled = [&](qint64 id) { return sampled.contains(QStringLiteral("[%1,").arg(id)); };
    int rc = -1;
    test::sqlite3(path, QStringLiteral("DELETE FROM messages WHERE id = %1;").arg(ids.at(2)), &rc);
    QCOMPARE(rc, 0);
    Outcome o = test::searchAll(c, QStringLiteral("alpha"), true);
    QCOMPARE(o.use, IndexedSearch::Use::Index);
    QCOMPARE(dump(o.hits), dump(test::searchAll(c, QStringLiteral("alpha"), false).hits));
    QCOMPARE(o.hits.size(), 2);

    const qint64 alphaRow = ids.at(1);
    const qint64 otherRow = ids.at(5);
    QVERIFY(!isSampled(alphaRow) && !isSampled(otherRow));
    test::sqlite3(path,
                  QStringLiteral("UPDATE messages SET text = 'nothing here' WHERE id = %1; "
                                 "UPDATE messages SET text = 'now alpha too' WHERE id = %2;")
                      .arg(alphaRow)
                      .arg(otherRow),
                  &rc);
    QCOMPARE(rc, 0);
    o = test::searchAll(c, QStringLiteral("alpha"), true);
    QCOMPARE(o.use, IndexedSearch::Use::Index);
    // The edit that removed the word: not shown (checked live).
    for (const SearchHit &h : o.hits)
        QVERIFY(h.messageId != alphaRow);
    // The edit that added it: the index still holds the old text (written down as the limit).
    const Outcome scan = test::searchAll(c, QStringLiteral("alpha"), false);
    QCOMPARE(scan.hits.size(), o.hits.size() + 1);
    // A rebuild catches it.
    QCOMPARE(buildIndex(c, true).info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(dump(test::searchAll(c, QStringLiteral("alpha"), true).hits), dump(scan.hits));
}

void TestSearchIndex::readOnlyOpenBuildsWithoutWritingTheDatabase()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("readonly.db"), 10, 30);
    const QByteArray before = test::sha256(path);
    Connection c;
    OpenOptions options{path};
    options.readOnly = true;
    QVERIFY(c.open(options).result().ok());
    const test::Built b = buildIndex(c, true);
    QVERIFY2(!b.error.isError(), qPrintable(b.error.toString()));
    QCOMPARE(b.info.state, SearchIndexInfo::State::Ready);
    QCOMPARE(test::searchAll(c, QStringLiteral("the"), true).use, IndexedSearch::Use::Index);
    QVERIFY(b.info.path.startsWith(m_cache.path()));
    c.close().result();
    QCOMPARE(test::sha256(path), before);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
