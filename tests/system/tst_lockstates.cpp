#include "lockstates.h"

#include "backendwriter.h"
#include "proberunner.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <algorithm>

void TestLockStates::initTestCase()
{
    ProbeRunner::setProgram(test::inspectorPath());
}

void TestLockStates::cleanup()
{
    LockReport::setForceProbe(false);
    m_cli.clear(); // in creation order: readers quit before the checkpointers waiting for them
    m_node.clear();
}

test::SqliteProcess *TestLockStates::cli()
{
    m_cli.push_back(std::make_unique<test::SqliteProcess>(m_path));
    // Never null: a tool that failed to start answers nothing, and the row's assertions fail.
    const bool started = m_cli.back()->start();
    if (!started)
        qWarning("sqlite3 did not start");
    return m_cli.back().get();
}

test::NodeLockHolder *TestLockStates::node()
{
    m_node.push_back(std::make_unique<test::NodeLockHolder>());
    return m_node.back()->start(m_path) ? m_node.back().get() : nullptr;
}

void TestLockStates::fill(test::SqliteProcess *writer, int rows)
{
    writer->exec(QStringLiteral("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < %1) "
                                "INSERT INTO personas(id, name, prompt) SELECT 'f%2_' || i, 'n', "
                                "hex(randomblob(2000)) FROM c;")
                     .arg(rows)
                     .arg(++m_fill));
}

bool TestLockStates::waitForLock(qint64 pid, const char *file, const char *lock, bool write)
{
    // A process reaches its waiting state (a checkpoint in its busy handler) a moment after the
    // statement was sent: look again until it shows, generously.
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (hasLock(LockReport::collect(m_path), pid, QString::fromLatin1(file), QString::fromLatin1(lock),
                    write))
            return true;
    }
    return false;
}

QString TestLockStates::readLockOf(const LockReport &r, qint64 pid)
{
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid == pid && l.file == QLatin1String("shm") && !l.write &&
            l.lock.startsWith(QLatin1String("read")) && l.lock != QLatin1String("read0"))
            return l.lock;
    }
    return QString();
}

bool TestLockStates::hasLock(const LockReport &r, qint64 pid, const QString &file, const QString &lock,
                             bool write)
{
    for (const LockReport::Lock &l : r.locks) {
        if (l.pid == pid && l.file == file && l.lock == lock && l.write == write)
            return true;
    }
    return false;
}

QString TestLockStates::sentenceOf(const LockReport &r, qint64 pid, const QString &fragment)
{
    for (const QString &s : r.diagnosis()) {
        if ((pid == 0 || s.startsWith(QStringLiteral("pid %1 (").arg(pid))) && s.contains(fragment))
            return s;
    }
    return QString();
}

QString TestLockStates::dump(const LockReport &r)
{
    QString out = r.toText();
    for (const LockEdge &e : r.blocks)
        out += QStringLiteral("  edge %1 %2/%3 -> %4 %5\n")
                   .arg(e.holder)
                   .arg(e.file, e.lock, e.operation)
                   .arg(e.blockedPid);
    return out;
}

void TestLockStates::states_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<bool>("probe");
    const QStringList rows = {QStringLiteral("wal-write"),
                              QStringLiteral("node-wal-write"),
                              QStringLiteral("read0"),
                              QStringLiteral("node-read0"),
                              QStringLiteral("read0-no-backlog"),
                              QStringLiteral("readN-behind"),
                              QStringLiteral("node-readN-behind"),
                              QStringLiteral("readN-latest"),
                              QStringLiteral("readN-shared-slot"),
                              QStringLiteral("checkpoint-waiting"),
                              QStringLiteral("node-checkpoint-waiting"),
                              QStringLiteral("checkpoint-restart-latest"),
                              QStringLiteral("checkpoint-behind-writer"),
                              QStringLiteral("exclusive-mode"),
                              QStringLiteral("stale-shm"),
                              QStringLiteral("idle"),
                              QStringLiteral("rollback-shared"),
                              QStringLiteral("rollback-reserved"),
                              QStringLiteral("rollback-pending"),
                              QStringLiteral("rollback-exclusive")};
    for (const QString &row : rows) {
        QTest::newRow(qPrintable(row + QStringLiteral(" /proc/locks"))) << row << false;
        QTest::newRow(qPrintable(row + QStringLiteral(" probe"))) << row << true;
    }
}

void TestLockStates::states()
{
    QFETCH(QString, row);
    QFETCH(bool, probe);
    if (row.startsWith(QLatin1String("node-")))
        KALITO_REQUIRE(test::BackendWriter::unavailableReason().isEmpty(),
                       test::BackendWriter::unavailableReason());
    test::Expect e = setUp(row);
    QVERIFY2(!e.fragment.isEmpty(), "the row's set-up failed");

    LockReport::setForceProbe(probe);
    const LockReport r = LockReport::collect(m_path);
    LockReport::setForceProbe(false);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.fromProbe(), probe);
    if (probe && !e.alsoHolders.isEmpty()) {
        // F_GETLK names one of the processes sharing the lock: the row is about whichever it is.
        for (qint64 p : QList<qint64>{e.pid} + e.alsoHolders) {
            if (!readLockOf(r, p).isEmpty()) {
                e.pid = p;
                break;
            }
        }
    }
    if (e.lock == QLatin1String("readN"))
        e.lock = readLockOf(r, e.pid);
    const QString fragment = probe && !e.probeFragment.isEmpty() ? e.probeFragment : e.fragment;

    if (e.pid != 0) {
        QVERIFY2(!e.lock.isEmpty() && hasLock(r, e.pid, QString::fromLatin1(e.file), e.lock, e.write),
                 qPrintable(dump(r)));
        const QString sentence = sentenceOf(r, e.pid, fragment);
        QVERIFY2(!sentence.isEmpty(), qPrintable(fragment + QStringLiteral("\n") + dump(r)));
        // The process by its command line and user, not just "node".
        QVERIFY2(
            sentence.contains(QLatin1String(", user ")) &&
                (sentence.contains(QLatin1String("(sqlite3 ")) || sentence.contains(QLatin1String("(node "))),
            qPrintable(sentence));
        for (qint64 other : std::as_const(e.alsoHolders)) {
            if (!probe)
                QVERIFY2(!sentenceOf(r, other, fragment).isEmpty(), qPrintable(dump(r)));
        }
    } else {
        QVERIFY2(!sentenceOf(r, 0, fragment).isEmpty(),
                 qPrintable(fragment + QStringLiteral("\n") + dump(r)));
    }
    if (!e.operation.isEmpty()) {
        const LockEdge edge{e.edgeHolder ? e.edgeHolder : e.pid, QString::fromLatin1(e.file),
                            e.edgeLock.isEmpty() ? e.lock : e.edgeLock, e.operation, e.blockedPid};
        QVERIFY2(r.blocks.contains(edge), qPrintable(dump(r)));
        QVERIFY(r.toJson().value(QStringLiteral("blocks")).toArray().contains(edge.toJson()));
    }

    if (probe) {
        // Both sources agree: what F_GETLK reports is real, and it reports every lock it can see
        // (a write lock, or a shared lock with a single holder).
        const LockReport proc = LockReport::collect(m_path);
        for (const LockReport::Lock &l : r.locks)
            QVERIFY2(hasLock(proc, l.pid, l.file, l.lock, l.write), qPrintable(dump(r) + dump(proc)));
        for (const LockReport::Lock &l : proc.locks) {
            const auto holders =
                std::count_if(proc.locks.cbegin(), proc.locks.cend(), [&l](const LockReport::Lock &o) {
                    return o.file == l.file && o.lock == l.lock && o.write == l.write;
                });
            if (l.write || holders == 1)
                QVERIFY2(hasLock(r, l.pid, l.file, l.lock, l.write), qPrintable(dump(r) + dump(proc)));
        }
        if (!e.alsoHolders.isEmpty())
            QVERIFY(r.diagnosis().join(QLatin1Char(' ')).contains(QLatin1String("only one is named")));
    }

    if (!e.checkSql.isEmpty()) {
        test::SqliteProcess third(m_path);
        QVERIFY(third.start());
        const QString out = third.exec(e.checkSql);
        QVERIFY2(out.contains(QRegularExpression(e.checkOut)),
                 qPrintable(e.checkSql + QStringLiteral(" -> ") + out));
    }
    checkDoors(row, probe, r);
    if (e.release) {
        e.release();
        const QString out = e.waiter();
        QVERIFY2(out.contains(QRegularExpression(e.waiterOut)), qPrintable(out));
    }
}

QTEST_GUILESS_MAIN(TestLockStates)
