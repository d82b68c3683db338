#include "lockholdsummary.h"
#include "lockrecording.h"
#include "recordingtext.h"

#include <QtTest>

using namespace kalito;

// The lock recording format (`locks --watch --jsonl`, the window's Save/Load): what it accepts,
// what it refuses and why, and that writing and reading it back changes nothing.
class TestLockRecording : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void releaseWithoutAcquisition();
    void refusesBadLines_data();
    void refusesBadLines();
    void summaryKeepsTheLongest();

private:
    static LockTransition transition(LockTransition::Kind kind, qint64 ms, const QString &lock,
                                     qint64 held = 0);
};

LockTransition TestLockRecording::transition(LockTransition::Kind kind, qint64 ms, const QString &lock,
                                             qint64 held)
{
    LockTransition t;
    t.kind = kind;
    t.timeMs = ms;
    t.pid = 4242;
    t.cmdline = QStringLiteral("node …/backend/server.js");
    t.user = QStringLiteral("kalito");
    t.file = QStringLiteral("shm");
    t.lock = lock;
    t.write = lock == QLatin1String("wal-write");
    t.walKnown = true;
    t.mxFrame = quint32(ms / 100);
    t.nBackfill = 3;
    t.heldMs = held;
    return t;
}

void TestLockRecording::roundTrip()
{
    LockRecording r;
    LockTransition first = transition(LockTransition::Acquired, 1000, QStringLiteral("dms"));
    first.sinceStart = true;
    first.walKnown = false;
    r.apply(first);
    r.apply(transition(LockTransition::Acquired, 1100, QStringLiteral("wal-write")));
    r.apply(transition(LockTransition::Released, 1250, QStringLiteral("wal-write"), 150));
    r.apply(transition(LockTransition::Acquired, 1300, QStringLiteral("wal-write")));
    QCOMPARE(r.spans().size(), 3);
    QCOMPARE(r.spans().at(1).endMs, 1250);
    QVERIFY(r.spans().at(2).isOpen());
    QCOMPARE(r.pids(), QList<qint64>{4242});
    QCOMPARE(r.firstMs(), 1000);
    QCOMPARE(r.lastMs(), 1300);

    const QByteArray lines = r.toJsonLines();
    QCOMPARE(lines.count('\n'), 4);
    LockRecording back;
    RecordingFault why;
    QVERIFY2(LockRecording::parse(lines, &back, &why), qPrintable(RecordingText::fault(why)));
    QVERIFY(back.spans() == r.spans());
    QCOMPARE(back.toJsonLines(), lines);
    QVERIFY(lines.contains("\"mx_frame\":null")); // unknown frames stay unknown
    QVERIFY(lines.contains("\"since_start\":true"));

    r.dropEndedBefore(1260);
    QCOMPARE(r.spans().size(), 2); // the ended write hold is gone, the open ones stay
}

void TestLockRecording::releaseWithoutAcquisition()
{
    LockRecording r;
    r.apply(transition(LockTransition::Released, 5000, QStringLiteral("read1"), 700));
    QCOMPARE(r.spans().size(), 1);
    QCOMPARE(r.spans().constFirst().startMs, 4300);
    QCOMPARE(r.spans().constFirst().endMs, 5000);
}

void TestLockRecording::refusesBadLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");
    QTest::addRow("empty") << QByteArray() << QStringLiteral("no lock events");
    QTest::addRow("only a header") << QByteArray("{\"event\":\"watch\",\"ms\":1}\n")
                                   << QStringLiteral("no lock events");
    QTest::addRow("not json") << QByteArray("hello\n") << QStringLiteral("line 1: not JSON");
    QTest::addRow("array") << QByteArray("[1,2]\n") << QStringLiteral("line 1: not a JSON object");
    QTest::addRow("unknown event") << QByteArray("{\"event\":\"exploded\"}")
                                   << QStringLiteral("unknown event");
    QTest::addRow("no pid")
        << QByteArray("{\"event\":\"acquired\",\"ms\":5,\"file\":\"shm\",\"lock\":\"dms\",\"mode\":\"read\"}")
        << QStringLiteral("line 1: \"pid\" is missing");
    QTest::addRow("bad file")
        << QByteArray("{\"event\":\"acquired\",\"ms\":5,\"pid\":1,\"file\":\"wal\",\"lock\":\"dms\","
                      "\"mode\":\"read\"}")
        << QStringLiteral("\"file\" must be");
    QTest::addRow("huge ms") << QByteArray("{\"event\":\"acquired\",\"ms\":1e300,\"pid\":1,\"file\":\"shm\","
                                           "\"lock\":\"dms\",\"mode\":\"read\"}")
                             << QStringLiteral("\"ms\" is out of range");
    QTest::addRow("negative frames") << QByteArray(
                                            "{\"event\":\"acquired\",\"ms\":1,\"pid\":1,\"file\":\"shm\","
                                            "\"lock\":\"dms\",\"mode\":\"read\",\"mx_frame\":-4}")
                                     << QStringLiteral("\"mx_frame\" is out of range");
    QTest::addRow("text frames") << QByteArray("{\"event\":\"acquired\",\"ms\":1,\"pid\":1,\"file\":\"shm\","
                                               "\"lock\":\"dms\",\"mode\":\"read\",\"n_backfill\":\"x\"}")
                                 << QStringLiteral("\"n_backfill\" is missing or not a number");
    QTest::addRow("release without held_ms")
        << QByteArray("\n{\"event\":\"released\",\"ms\":5,\"pid\":1,\"file\":\"shm\",\"lock\":\"dms\","
                      "\"mode\":\"read\"}")
        << QStringLiteral("line 2: a released event needs");
}

void TestLockRecording::refusesBadLines()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    LockRecording r;
    r.apply(transition(LockTransition::Acquired, 1, QStringLiteral("dms")));
    const QByteArray before = r.toJsonLines();
    RecordingFault fault;
    QVERIFY(!LockRecording::parse(text, &r, &fault));
    QVERIFY(fault.isFault());
    const QString why = RecordingText::fault(fault); // core gives the code, core/text the words
    QVERIFY2(why.contains(reason), qPrintable(why));
    QCOMPARE(r.toJsonLines(), before); // nothing changed
}

void TestLockRecording::summaryKeepsTheLongest()
{
    LockHoldSummary s;
    s.add(transition(LockTransition::Released, 1000, QStringLiteral("wal-write"), 120));
    s.add(transition(LockTransition::Released, 2000, QStringLiteral("wal-write"), 340));
    s.add(transition(LockTransition::Released, 3000, QStringLiteral("read1"), 50));
    s.addOpen(transition(LockTransition::Acquired, 3000, QStringLiteral("dms")), 4000);
    const QList<LockHoldSummary::Entry> e = s.entries();
    QCOMPARE(e.size(), 3);
    QCOMPARE(e.at(0).lock, QStringLiteral("dms"));
    QCOMPARE(e.at(0).longestMs, 1000);
    QVERIFY(e.at(0).stillHeld);
    QCOMPARE(e.at(1).lock, QStringLiteral("wal-write"));
    QCOMPARE(e.at(1).holds, 2);
    QCOMPARE(e.at(1).longestMs, 340);
    QCOMPARE(e.at(1).totalMs, 460);
    QVERIFY(s.toText(10, 4000).contains(QStringLiteral("still held at the end")));
}

QTEST_GUILESS_MAIN(TestLockRecording)
#include "tst_lockrecording.moc"
