#include "offthread.h"
#include "whenfinished.h"

#include <QMutex>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace kalito;

// offThread + whenFinished: the one idiom for work that is not on the connection.
class TestOffThread : public QObject
{
    Q_OBJECT
private slots:
    void valueComesBackOnTheContextsThread();
    void voidWorkIsAnsweredToo();
    void aPoolOfOneRunsInOrder();
    void noAnswerAfterTheContextIsGone();
};

void TestOffThread::valueComesBackOnTheContextsThread()
{
    QObject context;
    QThread *workedOn = nullptr;
    QThread *answeredOn = nullptr;
    int value = 0;
    whenFinished(&context, offThread([&workedOn] {
        workedOn = QThread::currentThread();
        return 42;
    }),
                 [&](int v) {
                     answeredOn = QThread::currentThread();
                     value = v;
                 });
    QTRY_COMPARE(value, 42);
    QVERIFY(workedOn && workedOn != QThread::currentThread());
    QCOMPARE(answeredOn, QThread::currentThread());
}

void TestOffThread::voidWorkIsAnsweredToo()
{
    QObject context;
    std::atomic<bool> worked{false};
    bool answered = false;
    whenFinished(&context, offThread([&worked] { worked = true; }), [&] { answered = worked; });
    QTRY_VERIFY(answered);
}

void TestOffThread::aPoolOfOneRunsInOrder()
{
    // The settings writer's pool: writes land in the order they were made, whatever each costs.
    QThreadPool pool;
    pool.setMaxThreadCount(1);
    QMutex mutex;
    QList<int> order;
    for (int i = 0; i < 20; ++i) {
        offThread(
            [&, i] {
                if (i % 3 == 0)
                    QThread::usleep(2000); // some take longer: they must still not be overtaken
                QMutexLocker lock(&mutex);
                order << i;
            },
            &pool);
    }
    pool.waitForDone();
    QList<int> want;
    for (int i = 0; i < 20; ++i)
        want << i;
    QCOMPARE(order, want);
}

void TestOffThread::noAnswerAfterTheContextIsGone()
{
    QThreadPool pool;
    std::atomic<bool> release{false};
    std::atomic<bool> finished{false};
    bool answered = false;
    {
        QObject context;
        whenFinished(&context,
                     offThread(
                         [&] {
                             while (!release)
                                 QThread::usleep(500);
                             finished = true;
                             return 1;
                         },
                         &pool),
                     [&answered](int) { answered = true; });
    } // the context goes while the work still runs
    release = true;
    pool.waitForDone();
    QVERIFY(finished);
    QCoreApplication::processEvents(); // anything queued would be delivered now
    QCoreApplication::sendPostedEvents();
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(TestOffThread)
#include "tst_offthread.moc"
