#include "locktext.h"
#include "proberunner.h"
#include "sqliteheader.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "walfileheader.h"
#include "walindexheader.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace kalito;

// The WAL-index and -wal header parsers, fed with real files of a database that a sqlite3 CLI
// process holds open. This test process never has a connection to that database, so reading its
// -shm here drops nobody's locks.
class TestWalIndex : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parsesRealShm();
    void detectsTornAndBadChecksum();
    void walHeaderAndCheckpointSequence();
    void childProbeSeesTheSameAndTheLocks();
    void tooShort();
    void sqliteHeaderOfRealFiles();

private:
    QByteArray readFile(const QString &path, int bytes);
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<test::SqliteProcess> m_holder;
};

QByteArray TestWalIndex::readFile(const QString &path, int bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.read(bytes);
}

void TestWalIndex::initTestCase()
{
    ProbeRunner::setProgram(test::inspectorPath());
    m_db = test::makeKalitoDb(m_dir.path());
    m_holder = std::make_unique<test::SqliteProcess>(m_db);
    QVERIFY(m_holder->start());
    // No automatic checkpoint: every frame written stays in the WAL, so the count is predictable.
    m_holder->exec(QStringLiteral("PRAGMA wal_autocheckpoint=0; PRAGMA wal_checkpoint(TRUNCATE);"));
    m_holder->exec(
        QStringLiteral("CREATE TABLE filler(x); WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 "
                       "FROM c WHERE i < 300) INSERT INTO filler SELECT randomblob(900) FROM c;"));
    QCOMPARE(m_holder->exec(QStringLiteral("SELECT count(*) FROM filler;")), QStringLiteral("300"));
}

void TestWalIndex::parsesRealShm()
{
    const WalIndexHeader h = WalIndexHeader::parse(readFile(m_db + QStringLiteral("-shm"), 136));
    QVERIFY2(h.isValid(), qPrintable(LockText::walIndexProblem(h)));
    QCOMPARE(h.version, quint32(3007000));
    QCOMPARE(h.pageSize, m_holder->exec(QStringLiteral("PRAGMA page_size;")).toInt());
    // After a TRUNCATE the WAL starts again at frame 1 and nothing overwrote it: slots == frames.
    const qint64 walBytes = QFileInfo(m_db + QStringLiteral("-wal")).size();
    QVERIFY(h.mxFrame > 0);
    QCOMPARE(qint64(h.mxFrame), (walBytes - 32) / (h.pageSize + 24));
    QCOMPARE(h.nBackfill, quint32(0));
    QCOMPARE(h.readMarks[0], quint32(0));
    QCOMPARE(h.nPage, quint32(m_holder->exec(QStringLiteral("PRAGMA page_count;")).toUInt()));
    // SQLite's own count agrees: a PASSIVE checkpoint reports log = mxFrame.
    const QStringList ck =
        m_holder->exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE);")).split(QLatin1Char('|'));
    QCOMPARE(ck.value(1).toUInt(), h.mxFrame);
    const WalIndexHeader after = WalIndexHeader::parse(readFile(m_db + QStringLiteral("-shm"), 136));
    QCOMPARE(after.nBackfill, h.mxFrame);
    QCOMPARE(after.backlog(), quint32(0));
}

void TestWalIndex::detectsTornAndBadChecksum()
{
    const QByteArray good = readFile(m_db + QStringLiteral("-shm"), 136);
    QVERIFY(WalIndexHeader::parse(good).isValid());
    QByteArray torn = good;
    torn[48 + 16] = char(torn.at(48 + 16) ^ 0x01); // copy 1's mxFrame differs
    QVERIFY(!WalIndexHeader::parse(torn).consistent);
    QVERIFY(!WalIndexHeader::parse(torn).isValid());
    QByteArray badSum = good;
    badSum[16] = char(badSum.at(16) ^ 0x01);
    badSum[48 + 16] = badSum.at(16); // both copies equal, checksum no longer matches
    const WalIndexHeader h = WalIndexHeader::parse(badSum);
    QVERIFY(h.consistent);
    QVERIFY(!h.checksumOk);
    QVERIFY(!LockText::walIndexProblem(h).isEmpty());
}

void TestWalIndex::walHeaderAndCheckpointSequence()
{
    const QString walPath = m_db + QStringLiteral("-wal");
    m_holder->exec(QStringLiteral("INSERT INTO filler VALUES (randomblob(10));"));
    const WalFileHeader first = WalFileHeader::parse(readFile(walPath, 32), QFileInfo(walPath).size());
    QVERIFY(first.isValid());
    QCOMPARE(first.version, quint32(3007000));
    QCOMPARE(first.pageSize, m_holder->exec(QStringLiteral("PRAGMA page_size;")).toInt());
    // The -shm keeps the salts as the raw bytes of the -wal header.
    QCOMPARE(readFile(m_db + QStringLiteral("-shm"), 40).mid(32, 8), readFile(walPath, 24).mid(16, 8));
    m_holder->exec(
        QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE); INSERT INTO filler VALUES (randomblob(10));"));
    const WalFileHeader second = WalFileHeader::parse(readFile(walPath, 32), QFileInfo(walPath).size());
    QVERIFY(second.isValid());
    QCOMPARE(second.checkpointSequence, first.checkpointSequence + 1);
    QVERIFY(second.salt1 != first.salt1 || second.salt2 != first.salt2);
}

void TestWalIndex::childProbeSeesTheSameAndTheLocks()
{
    const ProbeResult probe = ProbeRunner::run(m_db);
    QVERIFY2(probe.ok(), qPrintable(probe.error.toString()));
    QVERIFY(probe.probePid != ::getpid());
    QCOMPARE(probe.parentPid, qint64(::getpid()));
    QVERIFY(probe.dbHeaderSaysWal());
    QCOMPARE(probe.shm().mxFrame,
             WalIndexHeader::parse(readFile(m_db + QStringLiteral("-shm"), 136)).mxFrame);
    bool dms = false;
    for (const ProbeResult::Lock &l : probe.locks)
        dms |= l.pid == m_holder->pid() && l.file == QLatin1String("shm") && l.lock == QLatin1String("dms") &&
               !l.write;
    QVERIFY(dms);
    QVERIFY(probe.dmsHeld());
}

void TestWalIndex::tooShort()
{
    QVERIFY(!WalIndexHeader::parse(QByteArray(100, '\0')).present);
    QVERIFY(!WalFileHeader::parse(QByteArray(10, '\0'), 10).present);
    QVERIFY(!WalFileHeader::parse(QByteArray(32, '\0'), 32).magicOk);
}

// The one reading of the database header (FileProbe and ProbeResult both use it), on the real
// WAL-mode file the holder has open and on a rollback-journal file made by the sqlite3 CLI.
void TestWalIndex::sqliteHeaderOfRealFiles()
{
    const SqliteHeader wal = SqliteHeader::parse(readFile(m_db, SqliteHeader::kBytes));
    QVERIFY(wal.complete);
    QVERIFY(wal.magicOk);
    QVERIFY(wal.fieldsValid());
    QVERIFY(wal.isWal());
    QCOMPARE(wal.pageSize, m_holder->exec(QStringLiteral("PRAGMA page_size;")).toInt());

    const QString rollbackPath = m_dir.filePath(QStringLiteral("rollback.db"));
    test::SqliteProcess rollback(rollbackPath);
    QVERIFY(rollback.start());
    rollback.exec(QStringLiteral("PRAGMA page_size=65536; CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
    const SqliteHeader journal = SqliteHeader::parse(readFile(rollbackPath, SqliteHeader::kBytes));
    QVERIFY(journal.fieldsValid());
    QVERIFY(!journal.isWal());
    QCOMPARE(journal.rawPageSize, 1); // 65536 is stored as 1
    QCOMPARE(journal.pageSize, 65536);

    QByteArray damaged = readFile(m_db, SqliteHeader::kBytes);
    damaged[18] = 3;
    QVERIFY(!SqliteHeader::parse(damaged).fieldsValid());
    QVERIFY(!SqliteHeader::parse(QByteArray(100, 'x')).magicOk);
    QVERIFY(!SqliteHeader::parse(readFile(m_db, 40)).complete);
    QVERIFY(SqliteHeader::parse(readFile(m_db, 40)).isWal()); // the probe may see fewer bytes
}

QTEST_GUILESS_MAIN(TestWalIndex)
#include "tst_walindex.moc"
