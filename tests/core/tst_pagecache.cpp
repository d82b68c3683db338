#include "browse/pagecache.h"

#include <QtTest>

using namespace kalito;

// PageCache: the pages a paged model holds, read on their own (PagedModel drives it through the
// window in the browse and scenario tests).
class TestPageCache : public QObject
{
    Q_OBJECT
private slots:
    void rowsOutsideTheListAreNeverGiven();
    void freshReplacesStaleAndAnchors();
    void staleNeverReplacesFresh();
    void makeStaleKeepsRowsForgetsAnchors();
    void evictsStaleFirstThenLeastRecentlyUsed();
    void shrinkingDropsPagesPastTheEnd();
    void findsRowsByIdAndValue();

private:
    // Page `page` of 10 rows: values "r<row>", keys {row, id = 1000 + row}.
    static void fill(PageCache &c, int page, bool fresh, int rows = 10)
    {
        QList<QVariantList> values, keys;
        for (int i = 0; i < rows; ++i) {
            const int row = page * c.pageSize() + i;
            values << QVariantList{QStringLiteral("r%1").arg(row)};
            keys << QVariantList{row, 1000 + row};
        }
        c.store(page, values, keys, fresh);
    }
    static PageCache make(int rows)
    {
        PageCache c;
        c.setPageSize(10);
        c.setMaxPages(3);
        c.setRows(rows);
        return c;
    }
};

void TestPageCache::rowsOutsideTheListAreNeverGiven()
{
    PageCache c = make(25);
    fill(c, 0, true);
    fill(c, 2, true, 5);
    QVERIFY(!c.row(-1)); // a view with no current row asks for -1
    QVERIFY(!c.row(25));
    QCOMPARE(c.row(0)->first().toString(), QStringLiteral("r0"));
    QCOMPARE(c.row(24)->first().toString(), QStringLiteral("r24"));
    QVERIFY(!c.row(15)); // page 1 not held
    QVERIFY(c.keyOf(15).isEmpty());
    QCOMPARE(c.keyOf(21), (QVariantList{21, 1021}));
    QCOMPARE(c.lastRow(), 24);
    c.setRows(22); // the list shrank: row 22 is no longer given, though page 2 still holds it
    QVERIFY(!c.row(22));
    QCOMPARE(c.lastRow(), 21);
}

void TestPageCache::freshReplacesStaleAndAnchors()
{
    PageCache c = make(30);
    fill(c, 1, false);
    QVERIFY(!c.hasFresh(1));
    QVERIFY(c.anchors().isEmpty()); // a stale page anchors nothing
    int offset = 0;
    bool stale = false;
    QVERIFY(c.pageFor(12, &offset, &stale));
    QVERIFY(stale);
    QCOMPARE(offset, 2);
    fill(c, 1, true);
    QVERIFY(c.hasFresh(1));
    QVERIFY(c.pageFor(12, &offset, &stale));
    QVERIFY(!stale);
    QCOMPARE(c.anchors().value(1), (QVariantList{10, 1010}));
    QCOMPARE(c.pageCount(), 1);
}

void TestPageCache::staleNeverReplacesFresh()
{
    PageCache c = make(30);
    fill(c, 0, true);
    c.store(0, {{QStringLiteral("old")}}, {{0, 1}}, false);
    QCOMPARE(c.row(0)->first().toString(), QStringLiteral("r0"));
    QCOMPARE(c.pageCount(), 1);
}

void TestPageCache::makeStaleKeepsRowsForgetsAnchors()
{
    PageCache c = make(30);
    fill(c, 0, true);
    fill(c, 1, true);
    c.makeStale();
    QVERIFY(c.anchors().isEmpty());
    QVERIFY(!c.hasFresh(0));
    QVERIFY(c.freshPages().isEmpty());
    QCOMPARE(c.row(5)->first().toString(), QStringLiteral("r5")); // still shown
    QCOMPARE(c.pageCount(), 2);
}

void TestPageCache::evictsStaleFirstThenLeastRecentlyUsed()
{
    PageCache c = make(100);
    fill(c, 0, false); // stale
    fill(c, 1, true);
    fill(c, 2, true);
    fill(c, 3, true);
    c.evict();
    QCOMPARE(c.pageCount(), 3);
    QVERIFY(!c.row(0)); // the stale page went first, though page 1 is older than the others
    c.row(15);          // page 1 used now: page 2 is the least recently used
    fill(c, 4, true);
    c.evict();
    QVERIFY(c.hasFresh(1));
    QVERIFY(!c.hasFresh(2));
    QVERIFY(c.hasFresh(3));
    QVERIFY(c.hasFresh(4));
    QVERIFY(c.anchors().contains(2)); // an evicted page's anchor stays: a plan starts from it
}

void TestPageCache::shrinkingDropsPagesPastTheEnd()
{
    PageCache c = make(30);
    fill(c, 0, true);
    fill(c, 1, true);
    fill(c, 2, false);
    c.setRows(11); // page 1 keeps row 10; page 2 is past the end
    QCOMPARE(c.pageCount(), 2);
    QVERIFY(c.hasFresh(1));
    c.setRows(10);
    QCOMPARE(c.pageCount(), 1);
    c.setRows(0);
    QCOMPARE(c.pageCount(), 0);
    QCOMPARE(c.lastRow(), -1);
    c.setRows(30);
    fill(c, 0, true);
    c.clear();
    QCOMPARE(c.rows(), 0);
    QCOMPARE(c.pageCount(), 0);
    QVERIFY(c.anchors().isEmpty());
    QCOMPARE(c.pageSize(), 10); // the shape stays
}

void TestPageCache::findsRowsByIdAndValue()
{
    PageCache c = make(25);
    fill(c, 0, true);
    fill(c, 2, false, 5);
    QCOMPARE(c.findRow(1007), 7);
    QCOMPARE(c.findRow(1023), 23); // in a stale page too
    QCOMPARE(c.findRow(1015), -1); // page 1 not held
    QCOMPARE(c.findRowWithValue(0, QStringLiteral("r3")), 3);
    QCOMPARE(c.findRowWithValue(0, QStringLiteral("r99")), -1);
    c.setRows(23);
    QCOMPARE(c.findRow(1023), -1); // past the end of the list now
}

QTEST_GUILESS_MAIN(TestPageCache)
#include "tst_pagecache.moc"
