#include "connection.h"
#include "testsupport.h"
#include "whenfinished.h"

#include <QElapsedTimer>
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
    void openFailureIsAValue();
    void nothingHeldAfterARequest();

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
        // Counts to ten billion: minutes of work unless interrupted.
        return db
            .select(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                   "WHERE i < 10000000000) SELECT count(*) FROM n"))
            .error;
    });
    QTest::qWait(300);
    QElapsedTimer timer;
    timer.start();
    c.interrupt();
    const DbError e = future.result();
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
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

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
