#include "connection.h"
#include "latestreply.h"
#include "steppedwork.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestLatestReply : public QObject
{
    Q_OBJECT
private slots:
    void aNewerTicketMakesTheOlderStaleAndCancelsIt();
    void dropLeavesNoTicketCurrent();
    void onlyTheLatestReplyIsTaken();
    void aReplyFromThePreviousDatabaseIsDropped();
    void aTicketTakenAfterTheOpenCounts();
    void stepsOfAnOlderTicketStop();

private:
    // A new Kalito database `name` in the test's folder; openNew also opens it on c.
    QString newDb(const QString &name) { return test::makeKalitoDb(m_dir.path(), name); }
    bool openNew(Connection &c, const QString &name) { return c.open({newDb(name)}).result().ok(); }

    QTemporaryDir m_dir;
};

namespace {

QString fileOf(Database &db)
{
    return QFileInfo(db.path()).fileName();
}

} // namespace

void TestLatestReply::aNewerTicketMakesTheOlderStaleAndCancelsIt()
{
    LatestReply latest;
    const LatestReply::Ticket first = latest.next();
    QVERIFY(first.isCurrent());
    QVERIFY(!first.token().isCancelled());
    const LatestReply::Ticket second = latest.next();
    QVERIFY(!first.isLatest());
    QVERIFY(!first.isCurrent());
    QVERIFY(first.token().isCancelled());
    QVERIFY(second.isCurrent());
    QVERIFY(!second.token().isCancelled());
    QVERIFY(second.token() != first.token());
    QVERIFY(second.wanted()());
    QVERIFY(!first.wanted()());
    QVERIFY(!LatestReply::Ticket().isCurrent()); // a ticket never taken counts for nothing
}

void TestLatestReply::dropLeavesNoTicketCurrent()
{
    LatestReply latest;
    const LatestReply::Ticket t = latest.next();
    latest.drop();
    QVERIFY(!t.isCurrent());
    QVERIFY(t.token().isCancelled());
    const LatestReply::Ticket again = latest.next();
    QVERIFY(again.isCurrent());
    QVERIFY(!t.isCurrent());
}

void TestLatestReply::onlyTheLatestReplyIsTaken()
{
    Connection c;
    QVERIFY(openNew(c, QStringLiteral("latest.db")));
    LatestReply latest(&c);
    QObject context;
    QStringList taken;
    QSemaphore hold;
    // The first request waits on the connection thread until the second was asked for.
    const LatestReply::Ticket first = latest.next();
    whenCurrent(&context,
                c.run(
                    [&hold](Database &db) {
                        hold.acquire();
                        return QStringLiteral("first ") + fileOf(db);
                    },
                    Connection::Priority::Interactive, first.token()),
                first, [&taken](const QString &s) { taken << s; });
    const LatestReply::Ticket second = latest.next();
    bool cancelledSeen = false;
    whenCurrent(&context,
                c.run(
                    [&cancelledSeen, first](Database &db) {
                        cancelledSeen = first.token().isCancelled();
                        return QStringLiteral("second ") + fileOf(db);
                    },
                    Connection::Priority::Interactive, second.token()),
                second, [&taken](const QString &s) { taken << s; });
    hold.release();
    // Replies arrive in the order their requests ran: once the second is taken, the first was dropped.
    QTRY_COMPARE(taken.size(), 1);
    QCOMPARE(taken, QStringList{QStringLiteral("second latest.db")});
    QVERIFY(cancelledSeen);
}

void TestLatestReply::aReplyFromThePreviousDatabaseIsDropped()
{
    Connection c;
    QVERIFY(openNew(c, QStringLiteral("serial-a.db")));
    const QString b = newDb(QStringLiteral("serial-b.db"));
    LatestReply latest(&c);
    QObject context;
    const LatestReply::Ticket ticket = latest.next();
    QVERIFY(ticket.isCurrent());
    QString taken;
    whenCurrent(&context, c.run(&fileOf, Connection::Priority::Interactive, ticket.token()), ticket,
                [&taken](const QString &s) { taken = s; });
    // The other database opens before this thread takes the reply in (it is waiting here, so the
    // reply's delivery is queued behind the open).
    QVERIFY(c.open({b}).result().ok());
    QVERIFY(ticket.isLatest());
    QVERIFY(!ticket.sameDatabase());
    QVERIFY(!ticket.isCurrent());
    // A request of no ticket, asked for after: its reply is delivered after the first one's.
    QString after;
    whenFinished(&context, c.run(&fileOf), [&after](const QString &s) { after = s; });
    QTRY_COMPARE(after, QStringLiteral("serial-b.db"));
    QVERIFY2(taken.isEmpty(), qPrintable(taken)); // the reply read on serial-a.db was dropped
}

void TestLatestReply::aTicketTakenAfterTheOpenCounts()
{
    Connection c;
    QVERIFY(openNew(c, QStringLiteral("after-a.db")));
    const QString b = newDb(QStringLiteral("after-b.db"));
    LatestReply latest(&c);
    const LatestReply::Ticket before = latest.next();
    QVERIFY(c.open({b}).result().ok());
    QVERIFY(!before.isCurrent());
    QObject context;
    const LatestReply::Ticket ticket = latest.next();
    QVERIFY(ticket.isCurrent());
    QString taken;
    whenCurrent(&context, c.run(&fileOf, Connection::Priority::Interactive, ticket.token()), ticket,
                [&taken](const QString &s) { taken = s; });
    QTRY_COMPARE(taken, QStringLiteral("after-b.db"));
}

void TestLatestReply::stepsOfAnOlderTicketStop()
{
    Connection c;
    QVERIFY(openNew(c, QStringLiteral("steps.db")));
    LatestReply latest(&c);
    QObject context;
    struct Count : StepState
    {
        int upTo = 0;
    };
    int olderDone = 0;
    int newerDone = 0;
    int olderSteps = 0;
    int newerSteps = 0;
    auto chain = [&](int upTo, int *done, int *steps) {
        const LatestReply::Ticket ticket = latest.next();
        Count state;
        state.upTo = upTo;
        state.cancel = ticket.token();
        runInSteps(
            &c, &context, state,
            [](Database &, Count &s) {
                if (s.steps >= s.upTo)
                    s.done = true;
            },
            [done](const Count &) { ++*done; }, ticket.wanted(), [steps](const Count &) { ++*steps; });
    };
    chain(1000, &olderDone, &olderSteps);
    chain(3, &newerDone, &newerSteps);
    QTRY_COMPARE(newerDone, 1);
    // The older chain was replaced before its first step came back: it never finished.
    QCOMPARE(olderDone, 0);
    QVERIFY(olderSteps < 1000);
}

QTEST_GUILESS_MAIN(TestLatestReply)
#include "tst_latestreply.moc"
