#pragma once

#include "lockreport.h"
#include "nodelockholder.h"
#include "sqliteprocess.h"

#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>
#include <vector>

using namespace kalito;

namespace kalito::test {

// What one row of docs/locks.md says, for the state a row's set-up made.
struct Expect
{
    qint64 pid = 0; // the holder the sentence names (0: a sentence naming no process)
    const char *file = "shm";
    QString lock; // "readN": whichever of read1..read4 the holder got
    bool write = false;
    QString fragment;          // the consequence the holder's sentence states
    QString probeFragment;     // instead, when F_GETLK cannot see every holder (empty: the same)
    QList<qint64> alsoHolders; // other holders of the same shared lock (/proc/locks names them all)
    // The edge of `blocks` the row implies (holder, lock default to the above).
    qint64 edgeHolder = 0;
    QString edgeLock;
    QString operation;
    qint64 blockedPid = 0;
    // A third process checks the consequence: its output must match checkOut.
    QString checkSql;
    QString checkOut;
    // Releasing the state lets a waiting process finish: its output must match waiterOut.
    std::function<void()> release;
    std::function<QString()> waiter;
    QString waiterOut;
};

} // namespace kalito::test

// Every row of the lock-state table in docs/locks.md, made by real second processes (the sqlite3
// CLI and the backend's driver, better-sqlite3), read once from /proc/locks and once through the
// F_GETLK probe forced: the report names the pid and the lock, the diagnosis states the row's
// consequence, `blocks` holds its edge, a third process finds the consequence true, and both
// sources agree up to what F_GETLK cannot show (one holder per byte).
class TestLockStates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void states_data();
    void states();
    void transientStates_data();
    void transientStates();

private:
    test::Expect setUp(const QString &row);
    test::SqliteProcess *cli();
    test::NodeLockHolder *node();
    void fill(test::SqliteProcess *writer, int rows = 50);
    bool waitForLock(qint64 pid, const char *file, const char *lock, bool write);
    static QString readLockOf(const LockReport &r, qint64 pid);
    static bool hasLock(const LockReport &r, qint64 pid, const QString &file, const QString &lock,
                        bool write);
    static QString sentenceOf(const LockReport &r, qint64 pid, const QString &fragment);
    static QString dump(const LockReport &r);
    // Every door a maintainer can open names the same holders (kind and pid) for this state:
    // `locks --json`, `status --json`, the health strip's words, the Locks tab's diagnosis and
    // `checkpoint --mode full --busy-timeout 200 --json` (lockstatedoors.cpp).
    void checkDoors(const QString &row, bool probe, const LockReport &r);

    QTemporaryDir m_dir;
    QString m_path;
    int m_fill = 0;
    int m_databases = 0;
    std::vector<std::unique_ptr<test::SqliteProcess>> m_cli;
    std::vector<std::unique_ptr<test::NodeLockHolder>> m_node;
};
