#include "browse/rowheightcache.h"

#include <QtTest>

using kalito::ui::RowHeightCache;

class TestRowHeightCache : public QObject
{
    Q_OBJECT
private slots:
    void unknownUntilMeasured()
    {
        RowHeightCache c(10, 4);
        c.setWidth(300);
        QCOMPARE(c.height(5), -1);
        QCOMPARE(c.height(-1), -1);
        c.setHeight(5, 42);
        QCOMPARE(c.height(5), 42);
        QCOMPARE(c.height(4), -1); // same page, not measured
        QCOMPARE(c.cachedPages(), 1);
    }
    void forgetOneRow()
    {
        RowHeightCache c(10, 4);
        c.setHeight(3, 10);
        c.setHeight(4, 20);
        c.forget(3);
        QCOMPARE(c.height(3), -1);
        QCOMPARE(c.height(4), 20);
    }
    void boundedLeastRecentlyUsedFirst()
    {
        RowHeightCache c(10, 3);
        c.setHeight(0, 1);        // page 0
        c.setHeight(10, 2);       // page 1
        c.setHeight(20, 3);       // page 2
        QCOMPARE(c.height(0), 1); // page 0 used again: page 1 is now the oldest
        c.setHeight(30, 4);       // page 3: one page must go
        QCOMPARE(c.cachedPages(), 3);
        QCOMPARE(c.height(10), -1);
        QCOMPARE(c.height(0), 1);
        QCOMPARE(c.height(20), 3);
        QCOMPARE(c.height(30), 4);
        // However far one scrolls, the pages held stay bounded.
        for (int row = 0; row < 100000; row += 7)
            c.setHeight(row, 50);
        QCOMPARE(c.cachedPages(), 3);
    }
    void anotherWidthForgetsEverything()
    {
        RowHeightCache c(10, 3);
        QVERIFY(c.setWidth(300));
        c.setHeight(1, 80);
        QVERIFY(!c.setWidth(300));
        QCOMPARE(c.height(1), 80);
        QVERIFY(c.setWidth(400));
        QCOMPARE(c.height(1), -1);
        QCOMPARE(c.estimate(33), 33);
    }
    void estimateIsTheMeanMeasured()
    {
        RowHeightCache c(10, 1);
        QCOMPARE(c.estimate(60), 60);
        c.setHeight(0, 40);
        c.setHeight(1, 80);
        QCOMPARE(c.estimate(60), 60);
        c.setHeight(1, 100); // measured again: counted once
        QCOMPARE(c.estimate(60), 60);
        c.setHeight(50, 90); // page 0 evicted (maxPages 1) ...
        QCOMPARE(c.height(0), -1);
        QCOMPARE(c.estimate(0), (40 + 80 + 90) / 3); // ... its heights still inform the estimate
    }
    void dropPage()
    {
        RowHeightCache c(10, 3);
        c.setHeight(12, 5);
        c.dropPage(1);
        QCOMPARE(c.height(12), -1);
        QCOMPARE(c.cachedPages(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRowHeightCache)
#include "tst_rowheightcache.moc"
