#include "proclocks.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>

using namespace kalito;

class TestProcLocks : public QObject
{
    Q_OBJECT
private slots:
    void parsesKernelLines();
    void seesAnotherProcessesWalLocks();
};

void TestProcLocks::parsesKernelLines()
{
    const QByteArray text = "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 120 120\n"
                            "1: -> POSIX  ADVISORY  WRITE 977 08:01:1234 120 120\n"
                            "2: POSIX  ADVISORY  READ 977 fe:00:99 1073741826 1073742335\n"
                            "3: OFDLCK ADVISORY  READ -1 08:01:5 0 EOF\n"
                            "garbage\n";
    const QList<ProcLock> l = ProcLocks::parse(text);
    QCOMPARE(l.size(), 3);
    QCOMPARE(l.at(0).pid, 4242);
    QVERIFY(l.at(0).write);
    QCOMPARE(l.at(0).device, quint64(makedev(8, 1)));
    QCOMPARE(l.at(0).inode, quint64(1234));
    QCOMPARE(l.at(0).start, 120);
    QCOMPARE(l.at(1).device, quint64(makedev(0xfe, 0)));
    QVERIFY(!l.at(1).write);
    QCOMPARE(l.at(1).start, 1073741826);
    QCOMPARE(l.at(2).pid, -1);
    QCOMPARE(l.at(2).end, -1);
}

void TestProcLocks::seesAnotherProcessesWalLocks()
{
    KALITO_REQUIRE(ProcLocks::available(), QStringLiteral("/proc/locks is not readable on this system"));
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path());
    QCOMPARE(ProcLocks::otherProcessesHolding(path), 0);
    test::SqliteProcess other(path);
    QVERIFY(other.start());
    other.exec(QStringLiteral("BEGIN IMMEDIATE;"));
    const QList<ProcLock> shm = ProcLocks::on(path + QStringLiteral("-shm"), ProcLocks::read());
    bool writeLock = false;
    for (const ProcLock &l : shm)
        writeLock |= (l.pid == other.pid() && l.write && l.start == 120);
    QVERIFY(writeLock);
    QCOMPARE(ProcLocks::otherProcessesHolding(path), 1);
    other.exec(QStringLiteral("COMMIT;"));
}

QTEST_GUILESS_MAIN(TestProcLocks)
#include "tst_proclocks.moc"
