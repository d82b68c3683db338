#include "database.h"
#include "lockdiagnosis.h"
#include "lockhistory.h"
#include "lockholders.h"
#include "lockreport.h"
#include "locktext.h"
#include "proberunner.h"
#include "processscan.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "walstate.h"

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace kalito;

// Lock reports against real second processes (the sqlite3 CLI) holding real locks.
class TestLockReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void writerHoldsWalWrite();
    void readerSnapshotIsNamed();
    void ownLocksAreLabelled();
    void staleShmAfterCrash();
    void rollbackJournalLocks();
    void durationFromHistory();
    void unknownsAreSaid();
    void shortFormsOfHolders();
    void missingFile();
    void commandLinesAreShortened_data();
    void commandLinesAreShortened();
    void commandLineOfARealProcess();

private:
    static bool hasLock(const LockReport &r, qint64 pid, const char *file, const char *lock, bool write);
    static QString joined(const LockReport &r) { return r.diagnosis().join(QLatin1Char('\n')); }
    QTemporaryDir m_dir;
};

bool TestLockReport::hasLock(const LockReport &r, qint64 pid, const char *file, const char *lock, bool write)
{
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid == pid && l.file == QLatin1String(file) && l.lock == QLatin1String(lock) &&
            l.write == write)
            return true;
    }
    return false;
}

void TestLockReport::initTestCase()
{
    ProbeRunner::setProgram(test::inspectorPath());
}

void TestLockReport::writerHoldsWalWrite()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("writer.db"));
    test::SqliteProcess writer(path);
    QVERIFY(writer.start());
    writer.exec(
        QStringLiteral("BEGIN IMMEDIATE; INSERT INTO personas(id, name, prompt) VALUES ('w', 'w', 'p');"));
    const LockReport r = LockReport::collect(path);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY(r.walMode);
    QVERIFY(!r.shmStale);
    QVERIFY(hasLock(r, writer.pid(), "shm", "wal-write", true));
    QVERIFY(hasLock(r, writer.pid(), "shm", "dms", false));
    QVERIFY(hasLock(r, writer.pid(), "db", "shared", false));
    const QString expected =
        QStringLiteral("pid %1 (%2, user ")
            .arg(writer.pid())
            .arg(ProcessScan::shortCommandLine({QStringLiteral("sqlite3"), QStringLiteral("-batch"), path}));
    QVERIFY2(joined(r).contains(expected), qPrintable(joined(r)));
    QVERIFY2(joined(r).contains(QStringLiteral("holds the WAL write lock (seen just now)")),
             qPrintable(joined(r)));
    bool listed = false;
    for (const ProcessInfo &p : r.processes) {
        if (p.pid == writer.pid()) {
            listed = true;
            QCOMPARE(p.name, QStringLiteral("sqlite3"));
            QVERIFY(p.files.contains(QStringLiteral("db")) && p.files.contains(QStringLiteral("shm")));
            QVERIFY(!p.user.isEmpty());
        }
    }
    QVERIFY(listed);
    // The same through F_GETLK alone (what the child reports), not /proc/locks.
    bool probed = false;
    for (const ProbeResult::Lock &l : r.probe.locks)
        probed |= l.pid == writer.pid() && l.lock == QLatin1String("wal-write") && l.write;
    QVERIFY(probed);
    writer.exec(QStringLiteral("COMMIT;"));
    const LockReport after = LockReport::collect(path);
    QVERIFY(!hasLock(after, writer.pid(), "shm", "wal-write", true));
}

void TestLockReport::readerSnapshotIsNamed()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("reader.db"));
    test::SqliteProcess reader(path), writer(path);
    QVERIFY(reader.start() && writer.start());
    writer.exec(QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('a', 'a', 'p');"));
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM messages;"));
    writer.exec(QStringLiteral(
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 50) "
        "INSERT INTO personas(id, name, prompt) SELECT 'p' || i, 'n', hex(randomblob(2000)) FROM c;"));
    const LockReport r = LockReport::collect(path);
    const WalState wal = WalState::from(r);
    QVERIFY(wal.headerValid);
    QCOMPARE(wal.readers.size(), 1);
    const WalState::Reader slot = wal.readers.constFirst();
    QCOMPARE(slot.pids, QList<qint64>{reader.pid()});
    QVERIFY2(slot.mark < wal.frames, qPrintable(QStringLiteral("%1 vs %2").arg(slot.mark).arg(wal.frames)));
    const QString expected = QStringLiteral(") holds a read snapshot at frame %1 of %2 on read slot %3")
                                 .arg(slot.mark)
                                 .arg(wal.frames)
                                 .arg(slot.slot);
    QVERIFY2(joined(r).contains(QStringLiteral("pid %1 (sqlite3 ").arg(reader.pid())), qPrintable(joined(r)));
    QVERIFY2(joined(r).contains(expected), qPrintable(joined(r)));
    reader.exec(QStringLiteral("COMMIT;"));
    QVERIFY(WalState::from(LockReport::collect(path)).readers.isEmpty());
}

void TestLockReport::ownLocksAreLabelled()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("own.db"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const LockReport r = LockReport::collect(path);
    QVERIFY(hasLock(r, ::getpid(), "shm", "dms", false));
    bool self = false;
    for (const LockReport::Lock &l : r.locks)
        self |= l.self && l.pid == ::getpid();
    QVERIFY(self);
    // The child saw this process's locks through F_GETLK (it never sees its own).
    bool childSaw = false;
    for (const ProbeResult::Lock &l : r.probe.locks)
        childSaw |= l.pid == ::getpid() && l.lock == QLatin1String("dms");
    QVERIFY(childSaw);
    QVERIFY(r.displayName(::getpid()).startsWith(QStringLiteral("this inspector")));
    QVERIFY(r.toText().contains(QStringLiteral("this inspector")));
    QVERIFY(!r.shmStale);
    // Our connection survived the probe: a query still works and the locks are still there.
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM personas")).toInt(), 2);
    QVERIFY(hasLock(LockReport::collect(path), ::getpid(), "shm", "dms", false));
    db.close();
}

void TestLockReport::staleShmAfterCrash()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("crash.db"));
    test::SqliteProcess victim(path);
    QVERIFY(victim.start());
    victim.exec(QStringLiteral(
        "PRAGMA wal_autocheckpoint=0; INSERT INTO personas(id, name, prompt) VALUES ('c', 'c', 'p');"));
    ::kill(pid_t(victim.pid()), SIGKILL);
    victim.stop();
    QVERIFY(QFileInfo::exists(path + QStringLiteral("-shm")));
    const LockReport r = LockReport::collect(path);
    QVERIFY(r.shmStale);
    QVERIFY2(joined(r).contains(QStringLiteral("the -shm is stale")), qPrintable(joined(r)));
    const WalState wal = WalState::from(r);
    QVERIFY(wal.stale);
    // A code in core, worded once by LockText: the same words in `status` text and JSON.
    QCOMPARE(wal.problem, WalState::Problem::StaleShm);
    QCOMPARE(LockText::walProblem(wal), LockText::staleShm());
    QVERIFY(wal.toText().contains(QStringLiteral("  note            ") + LockText::staleShm()));
    QCOMPARE(wal.toJson().toObject().value(QStringLiteral("problem")).toString(), LockText::staleShm());
}

void TestLockReport::rollbackJournalLocks()
{
    const QString path = m_dir.filePath(QStringLiteral("rollback.db"));
    test::sqlite3(path,
                  QStringLiteral("PRAGMA journal_mode=delete; CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
    test::SqliteProcess a(path), b(path);
    QVERIFY(a.start() && b.start());
    a.exec(QStringLiteral("BEGIN EXCLUSIVE;"));
    LockReport r = LockReport::collect(path);
    QVERIFY(!r.walMode);
    QVERIFY(hasLock(r, a.pid(), "db", "exclusive", true));
    QVERIFY2(joined(r).contains(
                 QStringLiteral(", user %1) holds an EXCLUSIVE lock").arg(ProcessScan::userOf(a.pid()))),
             qPrintable(joined(r)));
    a.exec(QStringLiteral("COMMIT; BEGIN IMMEDIATE;"));
    b.exec(QStringLiteral("BEGIN; SELECT count(*) FROM t;"));
    r = LockReport::collect(path);
    QVERIFY(hasLock(r, a.pid(), "db", "reserved", true));
    QVERIFY(!hasLock(r, a.pid(), "db", "exclusive", true));
    if (r.fromProbe()) {
        // a and b share the SHARED range: F_GETLK names one of them (docs/locks.md).
        QVERIFY(hasLock(r, a.pid(), "db", "shared", false) || hasLock(r, b.pid(), "db", "shared", false));
        a.exec(QStringLiteral("COMMIT;"));
        b.exec(QStringLiteral("COMMIT;"));
        return;
    }
    QVERIFY(hasLock(r, b.pid(), "db", "shared", false));
    QVERIFY2(joined(r).contains(QStringLiteral("pid %1 (sqlite3 ").arg(a.pid())), qPrintable(joined(r)));
    QVERIFY2(joined(r).contains(QStringLiteral("pid %1 (%2, user %3) holds SHARED")
                                    .arg(b.pid())
                                    .arg(ProcessScan::shortCommandLine(
                                             {QStringLiteral("sqlite3"), QStringLiteral("-batch"), path}),
                                         ProcessScan::userOf(b.pid()))),
             qPrintable(joined(r)));
    QCOMPARE(WalState::from(r).toJson().isNull(), true);
    a.exec(QStringLiteral("COMMIT;"));
    b.exec(QStringLiteral("COMMIT;"));
}

void TestLockReport::durationFromHistory()
{
    LockReport r;
    r.walMode = true;
    r.selfPid = 1;
    r.procAvailable = r.procLocksAvailable = true;
    r.processes.append({4242,
                        QStringLiteral("node"),
                        QStringLiteral("node server.js"),
                        QStringLiteral("kalito"),
                        {QStringLiteral("db")},
                        true});
    r.locks.append(
        {4242, QStringLiteral("node"), QStringLiteral("shm"), QStringLiteral("wal-write"), true, false});
    LockHistory history;
    const QString key = LockHistory::key(4242, QStringLiteral("shm"), QStringLiteral("wal-write"));
    history.observe({key}, 1000);
    QVERIFY(LockDiagnosis::sentences(r, &history)
                .join(QLatin1Char(' '))
                .contains(QStringLiteral(
                    "pid 4242 (node server.js, user kalito) holds the WAL write lock (seen just now)")));
    history.observe({key}, 13000);
    QCOMPARE(history.heldForMs(key), 12000);
    QVERIFY(LockDiagnosis::sentences(r, &history)
                .join(QLatin1Char(' '))
                .contains(QStringLiteral(
                    "pid 4242 (node server.js, user kalito) holds the WAL write lock (seen held for 12 s)")));
    history.observe({}, 14000); // released: the next sighting starts again
    history.observe({key}, 15000);
    QCOMPARE(history.heldForMs(key), -1);
}

// What the inspector cannot know is said, never guessed: a process whose /proc entry is gone or
// hidden, a system without /proc, an OFD lock (pid -1), the probe's one holder per byte.
// The strip's figure and the checkpoint's words: writers and checkpointers by pid and what they
// hold, then the readers counted, the longest held named first; the command shortened to its
// program and first argument.
void TestLockReport::shortFormsOfHolders()
{
    QCOMPARE(LockText::shortCommand(QStringLiteral("node /srv/kalito/backend/server.js --port 3000")),
             QStringLiteral("node …/server.js"));
    QCOMPARE(LockText::shortCommand(QStringLiteral("/usr/bin/sqlite3 -batch kalito.db")),
             QStringLiteral("sqlite3 kalito.db"));
    QCOMPARE(LockText::shortCommand(QString()), QString());
    auto holder = [](LockFinding::Kind kind, qint64 pid, qint64 heldMs, int slot = 0) {
        LockFinding f;
        f.kind = kind;
        f.holder.pid = pid;
        f.holder.command = QStringLiteral("node /srv/server.js");
        f.holder.user = QStringLiteral("kalito");
        f.heldForMs = heldMs;
        f.slot = slot;
        LockHolders::lockOf(&f);
        return f;
    };
    QList<LockFinding> holders{holder(LockFinding::Kind::ReaderLatest, 30, 2000, 1),
                               holder(LockFinding::Kind::ReaderSlot0, 20, 12000),
                               holder(LockFinding::Kind::Writing, 10, -1)};
    LockHolders::sort(&holders);
    QCOMPARE(holders.constFirst().holder.pid, 10); // the writer first, then the longest reader
    QCOMPARE(holders.at(1).holder.pid, 20);
    QCOMPARE(LockText::holdersLine(holders),
             QStringLiteral("pid 10 holds the write lock; 2 readers, first pid 20 (12 s)"));
    QCOMPARE(LockText::brief(holders.at(1)),
             QStringLiteral("pid 20 (node …/server.js) holds a read snapshot (read slot 0)"));
    QCOMPARE(holders.at(1).lock, QStringLiteral("read0"));
    QCOMPARE(LockText::holdersLine({}), QStringLiteral("no readers"));
    const QJsonObject o = LockHolders::toJson(holders.constFirst());
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("writing"));
    QCOMPARE(o.value(QStringLiteral("lock")).toString(), QStringLiteral("wal-write"));
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("write"));
    QVERIFY(o.value(QStringLiteral("held_for_ms")).isNull());
}

void TestLockReport::unknownsAreSaid()
{
    LockReport r;
    r.walMode = true;
    r.selfPid = 1;
    r.procAvailable = r.procLocksAvailable = true;
    r.locks.append({77, QString(), QStringLiteral("shm"), QStringLiteral("wal-write"), true, false});
    r.locks.append({-1, QString(), QStringLiteral("shm"), QStringLiteral("read0"), false, false});
    QString text = LockDiagnosis::sentences(r).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("pid 77 (command and user unknown: it ended, or is in another pid "
                                          "namespace) holds the WAL write lock")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("a process holding an OFD lock (its pid is not reported")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("A lock with pid -1 is an OFD lock")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("only one is named")));

    r.processes.append({77, QStringLiteral("node"), QString(), QStringLiteral("kalito"), {}, false});
    text = LockDiagnosis::sentences(r).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("pid 77 (node, user kalito) holds")), qPrintable(text));
    r.processes.first().name.clear();
    text = LockDiagnosis::sentences(r).join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("pid 77 (command line not readable, user kalito) holds")),
             qPrintable(text));

    r.probeForced = true;
    QVERIFY(LockDiagnosis::sentences(r).join(QLatin1Char(' ')).contains(QStringLiteral("only one is named")));
    r.procAvailable = r.procLocksAvailable = false;
    r.probeForced = false;
    text = LockDiagnosis::sentences(r).join(QLatin1Char('\n'));
    QVERIFY2(
        text.contains(QStringLiteral("pid 77 (command and user unknown: this system has no /proc) holds")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("names one holder per lock byte")));
}

void TestLockReport::missingFile()
{
    const LockReport r = LockReport::collect(m_dir.filePath(QStringLiteral("nope.db")));
    QVERIFY(!r.ok());
    QVERIFY(r.error.toString().contains(QStringLiteral("nope.db")));
}

void TestLockReport::commandLinesAreShortened_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString dots(QChar(0x2026));
    QTest::newRow("backend") << QStringList{"/usr/bin/node", "/srv/kalito/backend/server.js", "--port",
                                            "3000"}
                             << QString("node " + dots + "/backend/server.js --port 3000");
    QTest::newRow("short paths kept")
        << QStringList{"sqlite3", "data/kalito.db"} << QString("sqlite3 data/kalito.db");
    QTest::newRow("option=path") << QStringList{"python3", "--db=/home/ana/chat/kalito.db"}
                                 << QString("python3 --db=" + dots + "/chat/kalito.db");
    QTest::newRow("spaces in arguments") << QStringList{"node", "-e", "a b"} << QString("node -e a b");
    QTest::newRow("cut at the limit") << QStringList{"x", QString(200, QLatin1Char('y'))}
                                      << QString("x " + QString(77, QLatin1Char('y')) + dots);
}

void TestLockReport::commandLinesAreShortened()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString line = ProcessScan::shortCommandLine(arguments);
    QCOMPARE(line, expected);
    QVERIFY(line.size() <= 80);
}

void TestLockReport::commandLineOfARealProcess()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("cmdline.db"));
    test::SqliteProcess reader(path);
    QVERIFY(reader.start());
    const QStringList arguments = ProcessScan::argumentsOf(reader.pid());
    QVERIFY2(!arguments.isEmpty(), "cmdline of a live sqlite3 process");
    QCOMPARE(arguments.first().section(QLatin1Char('/'), -1), QStringLiteral("sqlite3"));
    QVERIFY(arguments.contains(path));
    QVERIFY(ProcessScan::commandLineOf(reader.pid()).startsWith(QStringLiteral("sqlite3 ")));
    QVERIFY(ProcessScan::argumentsOf(-5).isEmpty());
}

QTEST_GUILESS_MAIN(TestLockReport)
#include "tst_lockreport.moc"
