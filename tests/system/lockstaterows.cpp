#include "lockdiagnosis.h"
#include "lockgraph.h"
#include "lockstates.h"
#include "testsupport.h"

#include <csignal>

using kalito::test::Expect;

namespace {

const QString kLocked = QStringLiteral("database is locked");
// PRAGMA wal_checkpoint's row (after the line PRAGMA busy_timeout prints): busy 1, or 0 when done.
const QString kBusyRow = QStringLiteral("(^|\n)1\\|");
const QString kDoneRow = QStringLiteral("(^|\n)0\\|");
const QString kPersona = QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('%1', 'x', 'p');");

} // namespace

// One set-up per row of the table in docs/locks.md (same names). Each leaves the database in that
// row's state, held by live processes, and says what the report must show.
Expect TestLockStates::setUp(const QString &row)
{
    Expect e;
    if (row.startsWith(QLatin1String("rollback-"))) {
        m_path = m_dir.filePath(QStringLiteral("%1-%2.db").arg(row).arg(++m_databases));
        test::sqlite3(
            m_path,
            QStringLiteral("PRAGMA journal_mode=delete; CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
    } else {
        m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("%1-%2.db").arg(row).arg(++m_databases));
    }
    const QString beginImmediate = QStringLiteral("PRAGMA busy_timeout=100; BEGIN IMMEDIATE;");
    if (row == QLatin1String("wal-write") || row == QLatin1String("node-wal-write")) {
        const QString sql = QStringLiteral("BEGIN IMMEDIATE; ") + kPersona.arg(QStringLiteral("w"));
        if (row.startsWith(QLatin1String("node"))) {
            test::NodeLockHolder *n = node();
            if (!n || !n->exec(QStringLiteral("exec ") + sql).startsWith(QLatin1String("ok")))
                return {};
            e.pid = n->pid();
        } else {
            test::SqliteProcess *w = cli();
            w->exec(sql);
            e.pid = w->pid();
        }
        e.lock = QStringLiteral("wal-write");
        e.write = true;
        e.fragment = QStringLiteral("holds the WAL write lock (seen just now): it is in a write transaction; "
                                    "other connections' BEGIN IMMEDIATE and writes wait for it");
        e.operation = QStringLiteral("begin-immediate");
        e.checkSql = beginImmediate;
        e.checkOut = kLocked;
    } else if (row == QLatin1String("read0") || row == QLatin1String("node-read0")) {
        // The reader begins on a fully checkpointed (empty) WAL, then a writer adds frames.
        if (row.startsWith(QLatin1String("node"))) {
            test::NodeLockHolder *n = node();
            if (!n || !n->exec(QStringLiteral("read")).startsWith(QLatin1String("ok")))
                return {};
            e.pid = n->pid();
        } else {
            test::SqliteProcess *r = cli();
            r->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
            e.pid = r->pid();
        }
        fill(cli());
        e.lock = QStringLiteral("read0");
        e.fragment =
            QStringLiteral("holds a read snapshot on read slot 0 (seen just now): it began when the WAL "
                           "was fully checkpointed and reads only the database file, so no checkpoint "
                           "can copy any frame while it lasts");
        e.operation = QStringLiteral("checkpoint-passive");
        e.checkSql = QStringLiteral("PRAGMA wal_checkpoint(PASSIVE);");
        e.checkOut = QStringLiteral("^0\\|\\d+\\|0$"); // not one frame copied
    } else if (row == QLatin1String("read0-no-backlog")) {
        test::SqliteProcess *r = cli();
        r->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        e.pid = r->pid();
        e.lock = QStringLiteral("read0");
        e.fragment = QStringLiteral("Nothing waits to be copied now, but no checkpoint can copy any frame "
                                    "written from now on while it lasts");
    } else if (row == QLatin1String("readN-behind") || row == QLatin1String("node-readN-behind")) {
        test::SqliteProcess *w = cli();
        fill(w);
        if (row.startsWith(QLatin1String("node"))) {
            test::NodeLockHolder *n = node();
            if (!n || !n->exec(QStringLiteral("read")).startsWith(QLatin1String("ok")))
                return {};
            e.pid = n->pid();
        } else {
            test::SqliteProcess *r = cli();
            r->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
            e.pid = r->pid();
        }
        fill(w);
        e.lock = QStringLiteral("readN");
        e.fragment = QStringLiteral("FULL, RESTART and TRUNCATE checkpoints wait for it");
        e.operation = QStringLiteral("checkpoint-full");
        e.checkSql = QStringLiteral("PRAGMA busy_timeout=100; PRAGMA wal_checkpoint(FULL);");
        e.checkOut = kBusyRow;
    } else if (row == QLatin1String("readN-latest")) {
        fill(cli());
        test::SqliteProcess *r = cli();
        r->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        e.pid = r->pid();
        e.lock = QStringLiteral("readN");
        e.fragment = QStringLiteral("holds a read snapshot at the latest frame");
        e.operation = QStringLiteral("checkpoint-restart");
        e.checkSql = QStringLiteral("PRAGMA busy_timeout=100; PRAGMA wal_checkpoint(RESTART);");
        e.checkOut = kBusyRow;
    } else if (row == QLatin1String("readN-shared-slot")) {
        test::SqliteProcess *w = cli();
        fill(w);
        test::SqliteProcess *a = cli(), *b = cli();
        a->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        b->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        fill(w);
        e.pid = a->pid();
        e.alsoHolders = {b->pid()};
        e.lock = QStringLiteral("readN");
        e.fragment = QStringLiteral("holds a read snapshot at frame");
        // F_GETLK names one of the two sharers; which one is the kernel's choice.
        e.probeFragment = QString();
    } else if (row == QLatin1String("checkpoint-waiting") ||
               row == QLatin1String("node-checkpoint-waiting")) {
        test::SqliteProcess *w = cli();
        fill(w);
        test::SqliteProcess *r = cli();
        r->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        fill(w);
        if (row.startsWith(QLatin1String("node"))) {
            test::NodeLockHolder *n = node();
            if (!n)
                return {};
            n->send(QStringLiteral("checkpoint FULL"));
            e.pid = n->pid();
            e.waiter = [n] { return n->collect(); };
            e.waiterOut = QStringLiteral("^ok 0\\|");
        } else {
            test::SqliteProcess *c = cli();
            c->send(QStringLiteral("PRAGMA busy_timeout=30000; PRAGMA wal_checkpoint(FULL);"));
            e.pid = c->pid();
            e.waiter = [c] { return c->collect(); };
            e.waiterOut = kDoneRow;
        }
        if (!waitForLock(e.pid, "shm", "checkpoint", true) || !waitForLock(e.pid, "shm", "wal-write", true))
            return {};
        e.lock = QStringLiteral("checkpoint");
        e.write = true;
        e.fragment =
            QStringLiteral("it is running a FULL, RESTART or TRUNCATE checkpoint; other connections' "
                           "BEGIN IMMEDIATE and writes wait for it and fail with SQLITE_BUSY (\"database "
                           "is locked\") after their busy timeout, and another checkpoint fails at once "
                           "with SQLITE_BUSY. It waits for the readers pid %1 (")
                .arg(r->pid());
        e.edgeHolder = r->pid();
        e.edgeLock = readLockOf(LockReport::collect(m_path), r->pid());
        e.operation = QStringLiteral("checkpoint");
        e.blockedPid = e.pid;
        e.checkSql = beginImmediate;
        e.checkOut = kLocked;
        e.release = [r] { r->exec(QStringLiteral("COMMIT;")); };
    } else if (row == QLatin1String("checkpoint-restart-latest")) {
        fill(cli());
        test::SqliteProcess *r = cli();
        r->exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        test::SqliteProcess *c = cli();
        c->send(QStringLiteral("PRAGMA busy_timeout=30000; PRAGMA wal_checkpoint(RESTART);"));
        if (!waitForLock(c->pid(), "shm", "checkpoint", true) ||
            !waitForLock(c->pid(), "shm", "wal-write", true))
            return {};
        e.pid = c->pid();
        e.lock = QStringLiteral("checkpoint");
        e.write = true;
        e.fragment = QStringLiteral("If it is a RESTART or TRUNCATE checkpoint, it also waits for pid %1 (")
                         .arg(r->pid());
        e.checkSql = beginImmediate;
        e.checkOut = kLocked;
        e.release = [r] { r->exec(QStringLiteral("COMMIT;")); };
        e.waiter = [c] { return c->collect(); };
        e.waiterOut = kDoneRow;
    } else if (row == QLatin1String("checkpoint-behind-writer")) {
        test::SqliteProcess *w = cli();
        w->exec(QStringLiteral("BEGIN IMMEDIATE; ") + kPersona.arg(QStringLiteral("w")));
        test::SqliteProcess *c = cli();
        c->send(QStringLiteral("PRAGMA busy_timeout=30000; PRAGMA wal_checkpoint(FULL);"));
        if (!waitForLock(c->pid(), "shm", "checkpoint", true))
            return {};
        e.pid = c->pid();
        e.lock = QStringLiteral("checkpoint");
        e.write = true;
        e.fragment = QStringLiteral("still waiting for the write lock, held by pid %1 (").arg(w->pid());
        e.operation = QStringLiteral("checkpoint-passive");
        e.checkSql = QStringLiteral("PRAGMA wal_checkpoint(PASSIVE);");
        e.checkOut = QStringLiteral("^1\\|-1\\|-1$"); // refused at once, no busy timeout
        e.release = [w] { w->exec(QStringLiteral("COMMIT;")); };
        e.waiter = [c] { return c->collect(); };
        e.waiterOut = kDoneRow;
    } else if (row == QLatin1String("exclusive-mode")) {
        test::SqliteProcess *x = cli();
        x->exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE; SELECT count(*) FROM personas;"));
        e.pid = x->pid();
        e.file = "db";
        e.lock = QStringLiteral("exclusive");
        e.write = true;
        e.fragment =
            QStringLiteral("uses locking_mode=EXCLUSIVE and keeps the WAL-index in its own memory (no "
                           "-shm locks)");
        e.operation = QStringLiteral("read");
        e.checkSql = QStringLiteral("PRAGMA busy_timeout=100; SELECT count(*) FROM personas;");
        e.checkOut = kLocked;
    } else if (row == QLatin1String("stale-shm")) {
        test::SqliteProcess *v = cli();
        v->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0; ") + kPersona.arg(QStringLiteral("v")));
        ::kill(pid_t(v->pid()), SIGKILL);
        v->stop();
        e.fragment = QStringLiteral("the -shm is stale");
    } else if (row == QLatin1String("idle")) {
        test::SqliteProcess *c = cli();
        c->exec(QStringLiteral("SELECT count(*) FROM personas;"));
        e.fragment =
            QStringLiteral("No process is writing, checkpointing or holding a read snapshot right now.");
    } else if (row == QLatin1String("rollback-shared")) {
        test::SqliteProcess *b = cli();
        b->exec(QStringLiteral("BEGIN; SELECT count(*) FROM t;"));
        e.pid = b->pid();
        e.file = "db";
        e.lock = QStringLiteral("shared");
        e.fragment = QStringLiteral("holds SHARED (seen just now) (it is reading): no writer can commit");
        e.operation = QStringLiteral("commit");
        e.checkSql =
            QStringLiteral("PRAGMA busy_timeout=100; BEGIN IMMEDIATE; INSERT INTO t VALUES (2); COMMIT;");
        e.checkOut = kLocked;
    } else if (row == QLatin1String("rollback-reserved")) {
        test::SqliteProcess *a = cli();
        a->exec(QStringLiteral("BEGIN IMMEDIATE; INSERT INTO t VALUES (2);"));
        e.pid = a->pid();
        e.file = "db";
        e.lock = QStringLiteral("reserved");
        e.write = true;
        e.fragment = QStringLiteral("holds RESERVED (seen just now): it has started a write transaction");
        e.operation = QStringLiteral("begin-immediate");
        e.checkSql = beginImmediate;
        e.checkOut = kLocked;
    } else if (row == QLatin1String("rollback-pending")) {
        test::SqliteProcess *b = cli();
        b->exec(QStringLiteral("BEGIN; SELECT count(*) FROM t;"));
        test::SqliteProcess *a = cli();
        a->exec(QStringLiteral("PRAGMA busy_timeout=30000; BEGIN IMMEDIATE; INSERT INTO t VALUES (2);"));
        a->send(QStringLiteral("COMMIT;"));
        if (!waitForLock(a->pid(), "db", "pending", true))
            return {};
        e.pid = a->pid();
        e.file = "db";
        e.lock = QStringLiteral("pending");
        e.write = true;
        e.fragment = QStringLiteral("it is committing and waits for pid %1 (").arg(b->pid());
        // a holds SHARED too: F_GETLK may name it instead of the reader it waits for.
        e.probeFragment = QStringLiteral("it is committing and waits for");
        e.checkSql = QStringLiteral("PRAGMA busy_timeout=100; SELECT count(*) FROM t;");
        e.checkOut = kLocked;
        e.release = [b] { b->exec(QStringLiteral("COMMIT;")); };
        e.waiter = [a] { return a->collect(); };
        e.waiterOut = QStringLiteral("^$");
    } else if (row == QLatin1String("rollback-exclusive")) {
        test::SqliteProcess *a = cli();
        a->exec(QStringLiteral("BEGIN EXCLUSIVE;"));
        e.pid = a->pid();
        e.file = "db";
        e.lock = QStringLiteral("exclusive");
        e.write = true;
        e.fragment = QStringLiteral("holds an EXCLUSIVE lock (seen just now) on the database file");
        e.operation = QStringLiteral("read");
        e.checkSql = QStringLiteral("PRAGMA busy_timeout=100; SELECT count(*) FROM t;");
        e.checkOut = kLocked;
    }
    return e;
}

void TestLockStates::transientStates_data()
{
    QTest::addColumn<QString>("lock");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<QString>("operation");
    QTest::newRow("recover") << QStringLiteral("recover") << QStringLiteral("it is rebuilding the WAL-index")
                             << QStringLiteral("read");
    QTest::newRow("dms-exclusive") << QStringLiteral("dms") << QStringLiteral("is resetting the -shm")
                                   << QStringLiteral("open");
}

// Recovery and the first opener's exclusive DMS lock last microseconds to milliseconds: no second
// process holds them long enough to be looked at, so these two rows are checked on a report
// built as /proc/locks would show them.
void TestLockStates::transientStates()
{
    QFETCH(QString, lock);
    QFETCH(QString, fragment);
    QFETCH(QString, operation);
    LockReport r;
    r.walMode = true;
    r.selfPid = 1;
    r.procAvailable = r.procLocksAvailable = true;
    r.processes.append({4242,
                        QStringLiteral("node"),
                        QStringLiteral("node …/backend/server.js"),
                        QStringLiteral("kalito"),
                        {QStringLiteral("db")},
                        true});
    r.locks.append({4242, QStringLiteral("node"), QStringLiteral("shm"), lock, true, false});
    const LockGraph g = LockGraph::build(r);
    const QString s = g.sentences.join(QLatin1Char('\n'));
    QVERIFY2(s.contains(QStringLiteral("pid 4242 (node …/backend/server.js, user kalito) holds the")),
             qPrintable(s));
    QVERIFY2(s.contains(fragment), qPrintable(s));
    QVERIFY(g.edges.contains(LockEdge{4242, QStringLiteral("shm"), lock, operation, 0}));
    QVERIFY(!s.contains(QLatin1String("No process is writing")));
}
