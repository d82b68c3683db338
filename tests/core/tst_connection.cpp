#include "connection.h"
#include "ownlocks.h"
#include "steppedwork.h"
#include "testsupport.h"
#include "whenfinished.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace kalito;

class TestConnection : public QObject
{
    Q_OBJECT
private slots:
    void requestsRunOnTheConnectionThread();
    void resultsArriveOnTheCallersThread();
    void interruptStopsALongRequest();
    void requestsRunInOrder();
    void interactiveGoesBeforeQueuedBackground();
    void interactiveWaitsForOneStepOfAChain();
    void openIsABarrierForBothQueues();
    void aLongRequestServesInteractiveOnesBetweenItsSteps();
    void stepsAskedForBeforeAnOpenNeverRunOnTheNextDatabase();
    void openFailureIsAValue();
    void nothingHeldAfterARequest();
    void cancellingTheRunningRequestLeavesTheNextWhole();
    void cancellingAQueuedRequestLeavesTheRunningOneWhole();
    void cancellingALongRequestSparesTheRequestItServes();
    void aCancelledChainOfStepsStops();

private:
    QTemporaryDir m_dir;
};

void TestConnection::requestsRunOnTheConnectionThread()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("thread.db"));
    QVERIFY(c.open({path}).result().ok());
    QVERIFY(c.isOpen());
    QThread *worker = c.run([](Database &) { return QThread::currentThread(); }).result();
    QVERIFY(worker != QThread::currentThread());
    QThread *again = c.run([](Database &) { return QThread::currentThread(); }).result();
    QCOMPARE(again, worker);
}

void TestConnection::resultsArriveOnTheCallersThread()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("then.db"));
    QVERIFY(c.open({path}).result().ok());
    QThread *seen = nullptr;
    qint64 count = -1;
    QObject context;
    c.run([](Database &db) {
         return db.scalar(QStringLiteral("SELECT count(*) FROM messages")).toLongLong();
     }).then(&context, [&](qint64 n) {
        seen = QThread::currentThread();
        count = n;
    });
    QTRY_COMPARE(count, qint64(5 * 12));
    QCOMPARE(seen, QThread::currentThread());
}

void TestConnection::interruptStopsALongRequest()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("interrupt.db"));
    QVERIFY(c.open({path}).result().ok());
    auto future = c.run([](Database &db) {
        // Counts to ten billion: minutes of work unless interrupted. It reads the schema, so it
        // holds a read mark for as long as it runs: that is how the test knows it is running.
        return db
            .select(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                   "WHERE i < 10000000000) SELECT count(*) FROM n "
                                   "WHERE EXISTS (SELECT 1 FROM sqlite_schema)"))
            .error;
    });
    // The statement must be running when interrupted, not queued.
    QTRY_VERIFY_WITH_TIMEOUT(test::OwnLocks::holdsReadMark(path), 30000);
    QElapsedTimer timer;
    timer.start();
    c.interrupt();
    const DbError e = future.result();
    // Only the interrupt ends this statement with an error (uninterrupted it runs for minutes and
    // ends with none), so the kind proves it stopped; how soon is a benchmark figure
    // (kalito-bench: cancel_connection_interrupt), not a limit here.
    qInfo() << "interrupted after" << timer.elapsed() << "ms";
    QCOMPARE(e.kind, DbError::Kind::Interrupted);
    // The connection is still usable afterwards.
    QCOMPARE(c.run([](Database &db) { return db.scalar(QStringLiteral("SELECT 7")).toInt(); }).result(), 7);
}

void TestConnection::requestsRunInOrder()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("order.db"));
    QVERIFY(c.open({path}).result().ok());
    QList<int> order;
    QList<QFuture<int>> futures;
    for (int i = 0; i < 20; ++i)
        futures << c.run([i, &order](Database &) {
            order << i; // only the connection thread touches it, one request at a time
            return i;
        });
    for (auto &f : futures)
        f.waitForFinished();
    QList<int> expected;
    for (int i = 0; i < 20; ++i)
        expected << i;
    QCOMPARE(order, expected);
}

void TestConnection::interactiveGoesBeforeQueuedBackground()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("priority.db"));
    QVERIFY(c.open({path}).result().ok());
    // The first background step holds the connection until everything below is queued: 20 steps
    // wait behind it, then a request a person waits for. The order the work ran in is the proof.
    QSemaphore running;
    QSemaphore queued;
    QStringList order; // only the connection thread touches it, one request at a time
    QList<QFuture<int>> futures;
    futures << c.run(
        [&](Database &) {
            running.release();
            queued.acquire();
            order << QStringLiteral("b0");
            return 0;
        },
        Connection::Priority::Background);
    QVERIFY(running.tryAcquire(1, 60000));
    for (int i = 1; i < 20; ++i)
        futures << c.run(
            [i, &order](Database &) {
                order << QStringLiteral("b%1").arg(i);
                return i;
            },
            Connection::Priority::Background);
    futures << c.run([&order](Database &) {
        order << QStringLiteral("page");
        return -1;
    });
    futures << c.run([&order](Database &) {
        order << QStringLiteral("page2");
        return -2;
    });
    queued.release();
    for (auto &f : futures)
        f.waitForFinished();
    QStringList expected{QStringLiteral("b0"), QStringLiteral("page"), QStringLiteral("page2")};
    for (int i = 1; i < 20; ++i)
        expected << QStringLiteral("b%1").arg(i); // background keeps its own order
    QCOMPARE(order, expected);
}

namespace {
struct CountdownState : StepState
{
    int left = 20;
};
} // namespace

void TestConnection::interactiveWaitsForOneStepOfAChain()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("chain.db"));
    QVERIFY(c.open({path}).result().ok());
    // A chain of 20 background steps; while its 5th runs, the person asks for a page.
    auto order = std::make_shared<QStringList>();
    auto entered = std::make_shared<QSemaphore>();
    auto proceed = std::make_shared<QSemaphore>();
    bool finished = false;
    QObject context;
    CountdownState start;
    runInSteps(
        &c, &context, start,
        [order, entered, proceed](Database &, CountdownState &s) {
            *order << QStringLiteral("step%1").arg(s.steps);
            if (s.steps == 5) {
                entered->release();
                proceed->acquire();
            }
            s.done = --s.left == 0;
        },
        [&finished](const CountdownState &s) { finished = s.done && s.steps == 20; });
    QTRY_VERIFY_WITH_TIMEOUT(entered->available() > 0, 60000); // steps are chained through this thread
    QFuture<int> page = c.run([order](Database &) {
        *order << QStringLiteral("page");
        return 1;
    });
    proceed->release();
    page.waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 30000);
    QCOMPARE(order->size(), 21);
    // The page ran right after the step that was running, before the chain went on.
    QCOMPARE(order->indexOf(QStringLiteral("page")), order->indexOf(QStringLiteral("step5")) + 1);
}

void TestConnection::openIsABarrierForBothQueues()
{
    Connection c;
    const QString a = test::makeKalitoDb(m_dir.path(), QStringLiteral("barrier-a.db"));
    const QString b = test::makeKalitoDb(m_dir.path(), QStringLiteral("barrier-b.db"));
    QVERIFY(c.open({a}).result().ok());
    QSemaphore queued;
    auto where = [](Database &db) { return QFileInfo(db.path()).fileName(); };
    // Background work asked for on a, an open of b, then a page: the background work still runs
    // on a (nothing made for one database runs on the next), the page on b.
    QFuture<QString> hold = c.run(
        [&queued, where](Database &db) {
            queued.acquire();
            return where(db);
        },
        Connection::Priority::Background);
    QFuture<QString> background = c.run(where, Connection::Priority::Background);
    QFuture<OpenResult> opened = c.open({b});
    QFuture<QString> page = c.run(where);
    const quint64 serialBefore = c.databaseSerial();
    queued.release();
    QCOMPARE(hold.result(), QStringLiteral("barrier-a.db"));
    QCOMPARE(background.result(), QStringLiteral("barrier-a.db"));
    QVERIFY(opened.result().ok());
    QCOMPARE(page.result(), QStringLiteral("barrier-b.db"));
    QVERIFY(c.databaseSerial() != serialBefore);
}

void TestConnection::aLongRequestServesInteractiveOnesBetweenItsSteps()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("serve.db"));
    QVERIFY(c.open({path}).result().ok());
    QSemaphore running;
    QSemaphore queued;
    QStringList order;
    // A long background request (an integrity check: table after table) lets the page through
    // between two of its steps; a background request queued meanwhile still waits for it.
    QFuture<int> check = c.run(
        [&](Database &db) {
            order << QStringLiteral("table1");
            running.release();
            queued.acquire();
            c.serveInteractive();
            order << QStringLiteral("table2");
            return db.scalar(QStringLiteral("SELECT 1")).toInt();
        },
        Connection::Priority::Background);
    QVERIFY(running.tryAcquire(1, 60000));
    QFuture<int> other = c.run(
        [&order](Database &) {
            order << QStringLiteral("other background");
            return 0;
        },
        Connection::Priority::Background);
    QFuture<int> page = c.run([&order](Database &db) {
        order << QStringLiteral("page");
        return db.scalar(QStringLiteral("SELECT 2")).toInt();
    });
    queued.release();
    QCOMPARE(page.result(), 2);
    QCOMPARE(check.result(), 1);
    other.waitForFinished();
    QCOMPARE(order, QStringList({QStringLiteral("table1"), QStringLiteral("page"), QStringLiteral("table2"),
                                 QStringLiteral("other background")}));
}

void TestConnection::stepsAskedForBeforeAnOpenNeverRunOnTheNextDatabase()
{
    Connection c;
    const QString a = test::makeKalitoDb(m_dir.path(), QStringLiteral("steps-a.db"));
    const QString b = test::makeKalitoDb(m_dir.path(), QStringLiteral("steps-b.db"));
    QVERIFY(c.open({a}).result().ok());
    // A chain of steps on a; while its first step runs, b is opened. The first step finishes on a
    // (it was queued before the open), the next one would come after the open: it never runs.
    auto ran = std::make_shared<QStringList>();
    auto entered = std::make_shared<QSemaphore>();
    auto proceed = std::make_shared<QSemaphore>();
    bool stopped = false;
    QObject context;
    runInSteps(
        &c, &context, CountdownState(),
        [ran, entered, proceed](Database &db, CountdownState &s) {
            *ran << QFileInfo(db.path()).fileName();
            if (s.steps == 1) {
                entered->release();
                proceed->acquire();
            }
            s.done = --s.left == 0;
        },
        [&stopped](const CountdownState &s) { stopped = s.databaseChanged && !s.done; });
    QTRY_VERIFY_WITH_TIMEOUT(entered->available() > 0, 60000);
    QFuture<OpenResult> opened = c.open({b});
    proceed->release();
    QVERIFY(opened.result().ok());
    QTRY_VERIFY_WITH_TIMEOUT(stopped, 30000);
    QCOMPARE(*ran, QStringList{QStringLiteral("steps-a.db")});
}

void TestConnection::openFailureIsAValue()
{
    Connection c;
    const OpenResult r = c.open({m_dir.filePath(QStringLiteral("nope.db"))}).result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, DbError::Kind::NotFound);
    QVERIFY(!c.isOpen());
}

void TestConnection::nothingHeldAfterARequest()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("held.db"));
    QVERIFY(c.open({path}).result().ok());
    const int active = c.run([](Database &db) {
                            db.select(QStringLiteral("SELECT * FROM messages"));
                            return db.activeStatements();
                        }).result();
    QCOMPARE(active, 0);
    QCOMPARE(test::sqlite3(path, QStringLiteral("INSERT INTO sessions (id) VALUES ('z');\n"
                                                "PRAGMA wal_checkpoint(TRUNCATE);")),
             QStringLiteral("0|0|0"));
}

namespace {

// Counts to `to` with a recursive CTE: ten billion is minutes of work unless cancelled.
SqlResult countTo(Database &db, qint64 to)
{
    // sql-ok: `to` is a number
    return db.select(
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                       "SELECT count(*) FROM n")
            .arg(to));
}

} // namespace

void TestConnection::cancellingTheRunningRequestLeavesTheNextWhole()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cancel-a.db"));
    QVERIFY(c.open({path}).result().ok());
    const CancelToken a, b;
    QSemaphore started;
    QFuture<SqlResult> first = c.run(
        [&started](Database &db) {
            started.release();
            return countTo(db, 10000000000LL);
        },
        Connection::Priority::Interactive, a);
    QFuture<SqlResult> second =
        c.run([](Database &db) { return countTo(db, 200000); }, Connection::Priority::Interactive, b);
    QVERIFY(started.tryAcquire(1, 60000));
    a.cancel();
    const SqlResult r1 = first.result();
    QCOMPARE(r1.error.kind, DbError::Kind::Interrupted);
    const SqlResult r2 = second.result();
    QVERIFY2(r2.ok(), qPrintable(r2.error.toString()));
    QCOMPARE(r2.rows.value(0).value(0).toLongLong(), 200000);
    QVERIFY(!b.isCancelled());
}

void TestConnection::cancellingAQueuedRequestLeavesTheRunningOneWhole()
{
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cancel-b.db"));
    QVERIFY(c.open({path}).result().ok());
    const CancelToken a, b;
    QSemaphore started;
    QFuture<SqlResult> first = c.run(
        [&started](Database &db) {
            started.release();
            return countTo(db, 3000000);
        },
        Connection::Priority::Interactive, a);
    // Minutes of work: it ends only through its own cancel, whenever that comes.
    QFuture<SqlResult> second =
        c.run([](Database &db) { return countTo(db, 10000000000LL); }, Connection::Priority::Interactive, b);
    QVERIFY(started.tryAcquire(1, 60000));
    b.cancel();
    const SqlResult r1 = first.result();
    QVERIFY2(r1.ok(), qPrintable(r1.error.toString()));
    QCOMPARE(r1.rows.value(0).value(0).toLongLong(), 3000000);
    QCOMPARE(second.result().error.kind, DbError::Kind::Interrupted);
    // The connection is still usable afterwards.
    QCOMPARE(c.run([](Database &db) { return db.scalar(QStringLiteral("SELECT 7")).toInt(); }).result(), 7);
}

void TestConnection::cancellingALongRequestSparesTheRequestItServes()
{
    // An integrity check (Background, its own token) serves the pages asked for between two of its
    // steps: cancelling the check while a page runs stops the check, not the page.
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cancel-nested.db"));
    QVERIFY(c.open({path}).result().ok());
    const CancelToken check, page;
    QSemaphore checkRunning, pageQueued, pageRunning, cancelled;
    QFuture<SqlResult> longOne = c.run(
        [&](Database &db) {
            checkRunning.release();
            pageQueued.acquire();
            c.serveInteractive();
            return countTo(db, 10000000000LL); // stops at once: its token was cancelled meanwhile
        },
        Connection::Priority::Background, check);
    QVERIFY(checkRunning.tryAcquire(1, 60000));
    QFuture<SqlResult> pageResult = c.run(
        [&](Database &db) {
            pageRunning.release();
            cancelled.acquire();
            return countTo(db, 2000000);
        },
        Connection::Priority::Interactive, page);
    pageQueued.release();
    QVERIFY(pageRunning.tryAcquire(1, 60000));
    check.cancel(); // while the page is the request running
    cancelled.release();
    const SqlResult p = pageResult.result();
    QVERIFY2(p.ok(), qPrintable(p.error.toString()));
    QCOMPARE(p.rows.value(0).value(0).toLongLong(), 2000000);
    QCOMPARE(longOne.result().error.kind, DbError::Kind::Interrupted);
}

void TestConnection::aCancelledChainOfStepsStops()
{
    // Stepped work (a count in 20 ms steps) runs every step under StepState::cancel: cancelled
    // during its third step, the chain asks for no fourth and never reports done.
    Connection c;
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cancel-steps.db"));
    QVERIFY(c.open({path}).result().ok());
    QObject context;
    CountdownState start;
    const CancelToken token = start.cancel;
    auto stepsRun = std::make_shared<std::atomic<int>>(0);
    int asked = 0;
    bool done = false;
    runInSteps(
        &c, &context, start,
        [stepsRun, token](Database &, CountdownState &s) {
            ++*stepsRun;
            if (s.steps == 3)
                token.cancel();
            s.done = --s.left == 0;
        },
        [&done](const CountdownState &) { done = true; },
        [&asked] {
            ++asked; // after each step, just before the chain looks at the token
            return true;
        });
    QTRY_COMPARE_WITH_TIMEOUT(asked, 3, 60000);
    // Whatever the chain would have queued next was queued before this request, in the same
    // (Background) queue: it would have run first.
    QCOMPARE(c.run([](Database &) { return 1; }, Connection::Priority::Background).result(), 1);
    QCOMPARE(stepsRun->load(), 3);
    QVERIFY(!done);
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
