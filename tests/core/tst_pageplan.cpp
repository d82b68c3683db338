// PagePlan: which query fetches page N from what a model knows, and pages aimed from the end of
// a list that grows while they are planned (the backend appending to the session being read).
#include "browse/keysetpager.h"
#include "browse/pageplan.h"
#include "database.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestPagePlan : public QObject
{
    Q_OBJECT
private slots:
    void choosesThePlan_data();
    void choosesThePlan();
    void seeksFromTheNearerEnd();
    void everyPageMatchesOrderBy_data();
    void everyPageMatchesOrderBy();
    void pagesFromTheEndRecountWhenRowsWereAppended();
    void aPageBeyondAShrunkListIsEmpty();

private:
    static KeysetSpec spec();
    QString makeDb(QTemporaryDir &dir, int rows);
};

KeysetSpec TestPagePlan::spec()
{
    KeysetSpec s;
    s.select = {QStringLiteral("v")};
    s.table.name = QStringLiteral("t");
    s.keys = {{QStringLiteral("k")}, {QStringLiteral("id")}}; // shared k values, as shared timestamps
    return s;
}

QString TestPagePlan::makeDb(QTemporaryDir &dir, int rows)
{
    const QString path = dir.filePath(QStringLiteral("p.db"));
    test::sqlite3(
        path,
        QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER, v TEXT);"
                       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                       "INSERT INTO t SELECT i, i / 7, 'row ' || i FROM n;")
            .arg(rows));
    return path;
}

void TestPagePlan::choosesThePlan_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QList<int>>("anchoredPages");
    QTest::addColumn<bool>("previousFull");
    QTest::addColumn<int>("kind");
    using K = PagePlan::Kind;
    QTest::newRow("first") << 0 << qint64(-1) << QList<int>{} << false << int(K::First);
    QTest::newRow("anchored") << 3 << qint64(1000) << QList<int>{0, 3} << false << int(K::From);
    QTest::newRow("after a full page") << 4 << qint64(1000) << QList<int>{0, 3} << true << int(K::After);
    QTest::newRow("before an anchor") << 2 << qint64(1000) << QList<int>{0, 3} << false << int(K::Before);
    QTest::newRow("last") << 9 << qint64(1000) << QList<int>{0} << false << int(K::Last);
    QTest::newRow("far jump") << 5 << qint64(1000) << QList<int>{0} << false << int(K::Seek);
    QTest::newRow("after a short page: seek")
        << 4 << qint64(1000) << QList<int>{0, 3} << false << int(K::Seek);
    QTest::newRow("count unknown") << 5 << qint64(-1) << QList<int>{0} << false << int(K::None);
    QTest::newRow("beyond the count") << 12 << qint64(1000) << QList<int>{0} << false << int(K::None);
    QTest::newRow("negative") << -1 << qint64(1000) << QList<int>{0} << false << int(K::None);
}

void TestPagePlan::choosesThePlan()
{
    QFETCH(int, page);
    QFETCH(qint64, count);
    QFETCH(QList<int>, anchoredPages);
    QFETCH(bool, previousFull);
    QFETCH(int, kind);
    QMap<int, QVariantList> anchors;
    for (int p : anchoredPages)
        anchors.insert(p, {p * 100, p * 100 + 1});
    const PagePlan plan =
        PagePlan::make(page, 100, count, anchors, previousFull ? QVariantList{1, 2} : QVariantList());
    QCOMPARE(int(plan.kind), kind);
}

void TestPagePlan::seeksFromTheNearerEnd()
{
    QMap<int, QVariantList> anchors{{0, {0, 1}}};
    const PagePlan nearStart = PagePlan::make(2, 100, 10000, anchors, {});
    QCOMPARE(int(nearStart.kind), int(PagePlan::Kind::Seek));
    QVERIFY(nearStart.forward);
    QCOMPARE(nearStart.distance, qint64(200));
    QVERIFY(!nearStart.fromEnd());
    const PagePlan nearEnd = PagePlan::make(95, 100, 10000, anchors, {});
    QVERIFY(!nearEnd.forward);
    QVERIFY(nearEnd.fromEnd());
    QCOMPARE(nearEnd.distance, qint64(10000 - 9500));
    anchors.insert(97, {9700, 9701});
    const PagePlan nearAnchor = PagePlan::make(95, 100, 10000, anchors, {});
    QVERIFY(!nearAnchor.forward);
    QVERIFY(!nearAnchor.fromEnd()); // walks back from a key, not from the end
    QCOMPARE(nearAnchor.distance, qint64(200));
}

void TestPagePlan::everyPageMatchesOrderBy_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("100") << 100;
}

void TestPagePlan::everyPageMatchesOrderBy()
{
    QFETCH(int, pageSize);
    QTemporaryDir dir;
    const QString path = makeDb(dir, 250);
    Database db;
    QVERIFY(db.open({path}).ok());
    const SqlResult all = db.select(QStringLiteral("SELECT id FROM t ORDER BY k, id"));
    const qint64 count = all.rows.size();
    const int pages = int((count + pageSize - 1) / pageSize);
    // Every page planned with only the first page known (far jumps, last page) or with its
    // neighbours known (after, before) holds exactly the rows ORDER BY puts there.
    for (int page = 0; page < pages; ++page) {
        for (int known : {0, 1, 2}) {
            QMap<int, QVariantList> anchors;
            QVariantList previousLast;
            const RowPage first = KeysetPager::first(db, spec(), pageSize);
            anchors.insert(0, first.keys.first());
            if (known == 1 && page > 0) {
                const PagePlan prev = PagePlan::make(page - 1, pageSize, count, {}, {});
                if (prev.isValid()) {
                    const RowPage p = PagePlan::make(page - 1, pageSize, count, anchors, {}).run(db, spec());
                    if (p.size() == pageSize)
                        previousLast = p.keys.last();
                }
            }
            if (known == 2 && page + 1 < pages) {
                const RowPage next = PagePlan::make(page + 1, pageSize, count, anchors, {}).run(db, spec());
                anchors.insert(page + 1, next.keys.first());
            }
            const PagePlan plan = PagePlan::make(page, pageSize, count, anchors, previousLast);
            QVERIFY(plan.isValid());
            const RowPage got = plan.run(db, spec());
            QVERIFY2(got.ok(), qPrintable(got.error.toString()));
            const int expectedRows = int(qMin<qint64>(pageSize, count - qint64(page) * pageSize));
            QCOMPARE(got.size(), expectedRows);
            for (int i = 0; i < got.size(); ++i)
                QCOMPARE(got.keys.at(i).at(1), all.rows.at(page * pageSize + i).at(0));
        }
    }
}

void TestPagePlan::pagesFromTheEndRecountWhenRowsWereAppended()
{
    QTemporaryDir dir;
    const QString path = makeDb(dir, 1000);
    Database db;
    QVERIFY(db.open({path}).ok());
    // Planned while the list held 1000 rows; another process appends 7 before it runs.
    const PagePlan last = PagePlan::make(4, 200, 1000, {{0, {0, 1}}}, {});
    QCOMPARE(int(last.kind), int(PagePlan::Kind::Last));
    const PagePlan far = PagePlan::make(3, 200, 1000, {{0, {0, 1}}}, {});
    QVERIFY(far.fromEnd());
    test::sqlite3(
        path,
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1001 UNION ALL SELECT i + 1 FROM n WHERE i < 1007) "
                       "INSERT INTO t SELECT i, 1000, 'appended' FROM n;"));
    const RowPage lastPage = last.run(db, spec());
    QVERIFY(lastPage.ok());
    QCOMPARE(lastPage.count, qint64(1007));
    // Rows 800..999 of the list as it is now: not the last 200 rows (807..1006), which would move
    // every row on screen by seven.
    QCOMPARE(lastPage.size(), 200);
    QCOMPARE(lastPage.keys.first().at(1).toLongLong(), qint64(801));
    QCOMPARE(lastPage.keys.last().at(1).toLongLong(), qint64(1000));
    // Opened at its end before its length is known: the last page of the list as it is now.
    const RowPage uncounted = PagePlan::lastUncounted(200).run(db, spec());
    QVERIFY(uncounted.ok());
    QCOMPARE(uncounted.count, qint64(1007));
    QCOMPARE(PagePlan::lastPageOf(uncounted.count, 200), 5);
    QCOMPARE(uncounted.size(), 7);
    QCOMPARE(uncounted.keys.first().at(1).toLongLong(), qint64(1001));
    QCOMPARE(uncounted.keys.last().at(1).toLongLong(), qint64(1007));
    // With a count known already (the sessions list's) none is taken: the newest rows are placed
    // by it. Right, they are the same rows; off (rows written since), still the newest rows, the
    // count the hint's (the model recounts and moves them).
    const RowPage hinted = PagePlan::lastUncounted(200, 1007).run(db, spec());
    QCOMPARE(hinted.count, qint64(1007));
    QCOMPARE(hinted.keys, uncounted.keys);
    const RowPage stale = PagePlan::lastUncounted(200, 1003).run(db, spec());
    QCOMPARE(stale.count, qint64(1003));
    QCOMPARE(stale.size(), 3);
    QCOMPARE(stale.keys.last().at(1).toLongLong(), qint64(1007));
    const RowPage farPage = far.run(db, spec());
    QCOMPARE(farPage.count, qint64(1007));
    QCOMPARE(farPage.keys.first().at(1).toLongLong(), qint64(601));
    QCOMPARE(farPage.size(), 200);
    // No read transaction is left behind.
    QVERIFY(db.isAutocommit());
    QCOMPARE(db.activeStatements(), 0);
}

void TestPagePlan::aPageBeyondAShrunkListIsEmpty()
{
    QTemporaryDir dir;
    const QString path = makeDb(dir, 1000);
    Database db;
    QVERIFY(db.open({path}).ok());
    const PagePlan last = PagePlan::make(4, 200, 1000, {{0, {0, 1}}}, {});
    test::sqlite3(path, QStringLiteral("DELETE FROM t WHERE id > 700;"));
    const RowPage page = last.run(db, spec());
    QVERIFY(page.ok());
    QCOMPARE(page.count, qint64(700));
    QCOMPARE(page.size(), 0);
    QVERIFY(db.isAutocommit());
}

QTEST_MAIN(TestPagePlan)
#include "tst_pageplan.moc"
