#include "browse/listcounter.h"
#include "connection.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

Q_DECLARE_METATYPE(kalito::ListCounter::Reply)

// ListCounter, PagedModel's count coordinator, on its own over a real file: the count, one count
// at a time, the throttle of slow counts, and replies that no longer count. (PagedModel drives it
// through the window in tst_browsemodels and the scenario tests.)
class TestListCounter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void countsTheList();
    void oneRecountAtATime();
    void aSlowCountIsThrottled();
    void aReplacedQueryIsNotAnswered();
    void anErrorEndsTheRecount();

private:
    // items(id, v) with `rows` rows more, appended.
    void grow(qint64 rows);
    static KeysetSpec spec(const QString &table = QStringLiteral("items"));
    // Runs one count and returns its reply.
    ListCounter::Reply countOnce(ListCounter &counter, const LatestReply::Ticket &ticket,
                                 bool recount = false);

    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_rows = 0;
    Connection m_connection;
};

void TestListCounter::initTestCase()
{
    qRegisterMetaType<ListCounter::Reply>();
    m_path = m_dir.filePath(QStringLiteral("items.db"));
    int exit = -1;
    test::sqlite3(m_path, QStringLiteral("CREATE TABLE items(id INTEGER PRIMARY KEY, v TEXT);"), &exit);
    QCOMPARE(exit, 0);
    grow(1000);
    QVERIFY(m_connection.open({m_path}).result().ok());
}

void TestListCounter::grow(qint64 rows)
{
    int exit = -1;
    test::sqlite3(
        m_path,
        QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                       "INSERT INTO items(v) SELECT hex(randomblob(4)) FROM c;")
            .arg(rows),
        &exit);
    QCOMPARE(exit, 0);
    m_rows += rows;
}

KeysetSpec TestListCounter::spec(const QString &table)
{
    KeysetSpec s;
    s.table.name = table;
    s.table.rowid = QStringLiteral("rowid");
    s.select = {QStringLiteral("\"v\"")};
    s.keys = {KeysetSpec::Key{QStringLiteral("\"id\"")}};
    return s;
}

ListCounter::Reply TestListCounter::countOnce(ListCounter &counter, const LatestReply::Ticket &ticket,
                                              bool recount)
{
    QSignalSpy counted(&counter, &ListCounter::counted);
    if (recount)
        counter.recount(spec(), ticket);
    else
        counter.count(spec(), ticket);
    if (!counted.wait(60000))
        return ListCounter::Reply();
    return counted.first().first().value<ListCounter::Reply>();
}

void TestListCounter::countsTheList()
{
    ListCounter counter(&m_connection);
    LatestReply latest(&m_connection);
    QSignalSpy started(&counter, &ListCounter::requestStarted);
    QSignalSpy ended(&counter, &ListCounter::requestEnded);
    const ListCounter::Reply r = countOnce(counter, latest.next());
    QVERIFY(!r.error.isError());
    QCOMPARE(r.count, m_rows);
    QVERIFY(!r.recount);
    QVERIFY(!r.again);
    QVERIFY(!counter.isRecounting());
    QCOMPARE(started.size(), 1);
    QCOMPARE(ended.size(), 1);
}

void TestListCounter::oneRecountAtATime()
{
    ListCounter counter(&m_connection);
    LatestReply latest(&m_connection);
    const LatestReply::Ticket ticket = latest.next();
    QSignalSpy started(&counter, &ListCounter::requestStarted);
    QSignalSpy counted(&counter, &ListCounter::counted);
    counter.recount(spec(), ticket);
    QVERIFY(counter.isRecounting());
    // Two more writes before its reply (it comes through this thread's event loop, so it cannot
    // have come yet): no second count runs beside it, one follows it.
    counter.recount(spec(), ticket);
    counter.recount(spec(), ticket);
    QCOMPARE(started.size(), 1);
    QVERIFY(counted.wait(60000));
    const auto r = counted.first().first().value<ListCounter::Reply>();
    QCOMPARE(r.count, m_rows);
    QVERIFY(r.recount);
    QVERIFY(r.again); // the writes that came meanwhile: the model recounts at once
    QVERIFY(!counter.isRecounting());
    // The next recount's reply says nothing came meanwhile.
    const ListCounter::Reply next = countOnce(counter, ticket, true);
    QVERIFY(next.recount);
    QVERIFY(!next.again);
    QCOMPARE(started.size(), 2);
}

void TestListCounter::aSlowCountIsThrottled()
{
    ListCounter counter(&m_connection);
    LatestReply latest(&m_connection);
    const LatestReply::Ticket ticket = latest.next();
    QVERIFY(counter.mayRecount()); // nothing counted yet
    // Every count taken as slow (from 0 ms on), at a duty factor that makes the next recount wait
    // about half a second after this count's reply, whatever this machine's speed.
    QElapsedTimer since; // started before the reply: it never reads less than the time since
    since.start();
    QCOMPARE(countOnce(counter, ticket).count, m_rows);
    QVERIFY(counter.lastCountUs() > 0);
    const qint64 factor = qMax<qint64>(10, 500000 / counter.lastCountUs());
    counter.setThrottle(0, factor);
    const qint64 wait = (counter.lastCountUs() * factor + 999) / 1000;
    QSignalSpy due(&counter, &ListCounter::due);
    if (!counter.mayRecount()) {
        QVERIFY(!counter.mayRecount()); // asked again: still one timer
        QVERIFY(due.wait(int(wait) + 10000));
        QCOMPARE(due.size(), 1);
        QVERIFY2(since.elapsed() >= wait - 1, // not before its time (a millisecond of rounding aside)
                 qPrintable(QStringLiteral("due after %1 of %2 ms").arg(since.elapsed()).arg(wait)));
    } else {
        // This thread was held up longer than the wait itself: the recount was due already.
        QVERIFY(since.elapsed() >= wait - 1);
    }
    QVERIFY(counter.mayRecount());
    // A cheap count is never throttled.
    counter.setThrottle(counter.lastCountMs() + 1, 100);
    QVERIFY(counter.mayRecount());
    // Nor is the first count of a new query.
    counter.setThrottle(0, factor);
    counter.reset();
    QVERIFY(counter.mayRecount());
    QCOMPARE(counter.lastCountMs(), 0);
}

void TestListCounter::aReplacedQueryIsNotAnswered()
{
    ListCounter counter(&m_connection);
    LatestReply latest(&m_connection);
    QSignalSpy started(&counter, &ListCounter::requestStarted);
    QSignalSpy ended(&counter, &ListCounter::requestEnded);
    QSignalSpy counted(&counter, &ListCounter::counted);
    counter.recount(spec(), latest.next());
    // A new query (another filter, another session) before the reply: the old count stops, the
    // busy indicator does not wait for it, and its reply is never given.
    const LatestReply::Ticket replaced = latest.next();
    counter.reset();
    QVERIFY(!counter.isRecounting());
    QTRY_COMPARE(ended.size(), started.size());
    QCOMPARE(counted.size(), 0);
    // The new query's count is answered.
    QCOMPARE(countOnce(counter, replaced).count, m_rows);
    QCOMPARE(counted.size(), 1);
}

void TestListCounter::anErrorEndsTheRecount()
{
    ListCounter counter(&m_connection);
    LatestReply latest(&m_connection);
    const LatestReply::Ticket ticket = latest.next();
    QSignalSpy counted(&counter, &ListCounter::counted);
    counter.recount(spec(QStringLiteral("no_such_table")), ticket);
    counter.recount(spec(QStringLiteral("no_such_table")), ticket);
    QVERIFY(counted.wait(60000));
    const auto r = counted.first().first().value<ListCounter::Reply>();
    QVERIFY(r.error.isError());
    QCOMPARE(r.count, -1);
    QVERIFY(!r.again); // nothing follows a count that cannot run
    QVERIFY(!counter.isRecounting());
}

QTEST_GUILESS_MAIN(TestListCounter)
#include "tst_listcounter.moc"
