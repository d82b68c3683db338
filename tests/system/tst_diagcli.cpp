#include "processscan.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

// The diagnostics subcommands of the built binary: JSON shapes and exit codes, against real
// sqlite3 processes holding locks and snapshots.
class TestDiagCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpListsTheCommandsButNotTheProbe();
    void statusHasWal();
    void statusWalIsNullInRollbackMode();
    void locksNamesTheWriter();
    void locksOpensNoConnection();
    void locksMissingFile();
    void checkpointAgainstAReader();
    void checkpointUsage();
    void checkHealthyAndCorrupt();

private:
    static QJsonObject json(const test::Run &r);
    QTemporaryDir m_dir;
    QString m_db;
};

QJsonObject TestDiagCli::json(const test::Run &r)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning().noquote() << "not JSON:" << r.out << r.err;
    return o;
}

void TestDiagCli::initTestCase()
{
    QVERIFY(QFile::exists(test::inspectorPath()));
    m_db = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 6, 20);
}

void TestDiagCli::helpListsTheCommandsButNotTheProbe()
{
    const test::Run help = test::inspector({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *word : {"checkpoint --mode", "check [--quick", "locks [--json]"})
        QVERIFY2(help.out.contains(QLatin1String(word)), word);
    QVERIFY(!help.out.contains(QStringLiteral("probe-files")));
    // Yet it runs, and prints the raw probe.
    const test::Run probe = test::inspector({QStringLiteral("probe-files"), m_db});
    QCOMPARE(probe.exitCode, 0);
    QVERIFY(json(probe).contains(QStringLiteral("shm_header_hex")));
}

void TestDiagCli::statusHasWal()
{
    test::SqliteProcess reader(m_db), writer(m_db);
    QVERIFY(reader.start() && writer.start());
    writer.exec(QStringLiteral(
        "PRAGMA wal_autocheckpoint=0; INSERT INTO personas(id, name, prompt) VALUES ('s', 's', 'p');"));
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
    writer.exec(
        QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('t', 't', hex(randomblob(5000)));"));
    const test::Run r = test::inspector({QStringLiteral("status"), QStringLiteral("--json"), m_db});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject wal = json(r).value(QStringLiteral("wal")).toObject();
    QVERIFY2(!wal.isEmpty(), qPrintable(r.out));
    QVERIFY(wal.value(QStringLiteral("frames")).toInt() > 0);
    QVERIFY(wal.contains(QStringLiteral("backfilled")));
    QCOMPARE(wal.value(QStringLiteral("page_size")).toInt(),
             test::sqlite3(m_db, QStringLiteral("PRAGMA page_size;")).toInt());
    QVERIFY(wal.contains(QStringLiteral("checkpoint_seq")));
    const QJsonArray readers = wal.value(QStringLiteral("readers")).toArray();
    QCOMPARE(readers.size(), 1);
    const QJsonObject slot = readers.at(0).toObject();
    QVERIFY(slot.value(QStringLiteral("slot")).toInt() >= 1);
    QVERIFY(slot.value(QStringLiteral("mark")).toInt() < wal.value(QStringLiteral("frames")).toInt());
    QCOMPARE(slot.value(QStringLiteral("pids")).toArray().at(0).toInteger(), reader.pid());
    reader.exec(QStringLiteral("COMMIT;"));
    const test::Run text = test::inspector({QStringLiteral("status"), m_db});
    QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("\\n  frames +\\d+\\n"))),
             qPrintable(text.out));
}

void TestDiagCli::statusWalIsNullInRollbackMode()
{
    const QString path = m_dir.filePath(QStringLiteral("rollback.db"));
    test::sqlite3(path, QStringLiteral("PRAGMA journal_mode=delete; CREATE TABLE t(x);"));
    const test::Run r = test::inspector({QStringLiteral("status"), QStringLiteral("--json"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(json(r).contains(QStringLiteral("wal")));
    QVERIFY(json(r).value(QStringLiteral("wal")).isNull());
}

void TestDiagCli::locksNamesTheWriter()
{
    test::SqliteProcess writer(m_db);
    QVERIFY(writer.start());
    writer.exec(
        QStringLiteral("BEGIN IMMEDIATE; INSERT INTO personas(id, name, prompt) VALUES ('l', 'l', 'p');"));
    const test::Run r = test::inspector({QStringLiteral("locks"), QStringLiteral("--json"), m_db});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = json(r);
    bool found = false;
    for (const QJsonValue &v : o.value(QStringLiteral("locks")).toArray()) {
        const QJsonObject l = v.toObject();
        found |= l.value(QStringLiteral("pid")).toInteger() == writer.pid() &&
                 l.value(QStringLiteral("lock")).toString() == QLatin1String("wal-write") &&
                 l.value(QStringLiteral("mode")).toString() == QLatin1String("write") &&
                 l.value(QStringLiteral("file")).toString() == QLatin1String("shm") &&
                 l.value(QStringLiteral("name")).toString() == QLatin1String("sqlite3");
    }
    QVERIFY2(found, qPrintable(r.out));
    bool process = false;
    for (const QJsonValue &v : o.value(QStringLiteral("processes")).toArray()) {
        const QJsonObject p = v.toObject();
        process |= p.value(QStringLiteral("pid")).toInteger() == writer.pid() &&
                   p.value(QStringLiteral("files")).toArray().contains(QStringLiteral("db")) &&
                   !p.value(QStringLiteral("user")).toString().isEmpty();
    }
    QVERIFY(process);
    const QString diagnosis =
        o.value(QStringLiteral("diagnosis")).toVariant().toStringList().join(QLatin1Char(' '));
    const QString shortCli =
        ProcessScan::shortCommandLine({QStringLiteral("sqlite3"), QStringLiteral("-batch"), m_db});
    QVERIFY2(diagnosis.contains(QStringLiteral("pid %1 (%2, user ").arg(writer.pid()).arg(shortCli)) &&
                 diagnosis.contains(QStringLiteral("holds the WAL write lock (seen just now)")),
             qPrintable(diagnosis));
    // The wait-for graph: the writer blocks BEGIN IMMEDIATE; each process with its command line.
    const QJsonObject edge{{QStringLiteral("holder"), writer.pid()},
                           {QStringLiteral("file"), QStringLiteral("shm")},
                           {QStringLiteral("lock"), QStringLiteral("wal-write")},
                           {QStringLiteral("operation"), QStringLiteral("begin-immediate")}};
    QVERIFY2(o.value(QStringLiteral("blocks")).toArray().contains(edge), qPrintable(r.out));
    bool cmdline = false;
    for (const QJsonValue &v : o.value(QStringLiteral("processes")).toArray()) {
        const QJsonObject p = v.toObject();
        cmdline |= p.value(QStringLiteral("pid")).toInteger() == writer.pid() &&
                   p.value(QStringLiteral("cmdline")).toString() == shortCli;
    }
    QVERIFY2(cmdline, qPrintable(r.out));
    QCOMPARE(o.value(QStringLiteral("lock_source")).toString(), QStringLiteral("proc-locks"));
    // The same through the portable probe (fcntl F_GETLK in a child), chosen by --probe.
    const test::Run probed =
        test::inspector({QStringLiteral("locks"), QStringLiteral("--json"), QStringLiteral("--probe"), m_db});
    QCOMPARE(probed.exitCode, 0);
    QCOMPARE(json(probed).value(QStringLiteral("lock_source")).toString(), QStringLiteral("probe"));
    QVERIFY2(json(probed).value(QStringLiteral("blocks")).toArray().contains(edge), qPrintable(probed.out));
    const test::Run text = test::inspector({QStringLiteral("locks"), m_db});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("wal-write")));
    writer.exec(QStringLiteral("COMMIT;"));
}

void TestDiagCli::locksOpensNoConnection()
{
    // With nobody else on the database, the only locks are those of the command itself, if any:
    // there must be none, and the -shm (if absent) must not be created.
    const QString path = m_dir.filePath(QStringLiteral("quiet.db"));
    test::sqlite3(path, QStringLiteral("PRAGMA journal_mode=wal; CREATE TABLE t(x);"));
    QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    const test::Run r = test::inspector({QStringLiteral("locks"), QStringLiteral("--json"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(json(r).value(QStringLiteral("locks")).toArray().isEmpty());
    QVERIFY(json(r).value(QStringLiteral("processes")).toArray().isEmpty());
    QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestDiagCli::locksMissingFile()
{
    const test::Run r = test::inspector({QStringLiteral("locks"), m_dir.filePath(QStringLiteral("none.db"))});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("none.db")));
}

void TestDiagCli::checkpointAgainstAReader()
{
    test::SqliteProcess reader(m_db), writer(m_db);
    QVERIFY(reader.start() && writer.start());
    writer.exec(QStringLiteral(
        "PRAGMA wal_autocheckpoint=0; INSERT INTO personas(id, name, prompt) VALUES ('c', 'c', 'p');"));
    reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
    writer.exec(QStringLiteral(
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 100) "
        "INSERT INTO personas(id, name, prompt) SELECT 'c' || i, 'n', hex(randomblob(1500)) FROM c;"));
    test::Run r = test::inspector({QStringLiteral("checkpoint"), QStringLiteral("--mode"),
                                   QStringLiteral("passive"), QStringLiteral("--json"), m_db});
    QCOMPARE(r.exitCode, 0);
    QJsonObject o = json(r);
    QCOMPARE(o.value(QStringLiteral("mode")).toString(), QStringLiteral("passive"));
    QCOMPARE(o.value(QStringLiteral("busy")).toInt(), 0);
    QVERIFY(o.value(QStringLiteral("checkpointed_frames")).toInt() <
            o.value(QStringLiteral("log_frames")).toInt());
    for (const char *key : {"wal_bytes_before", "wal_bytes_after", "elapsed_ms"})
        QVERIFY2(o.contains(QLatin1String(key)), key);

    r = test::inspector({QStringLiteral("checkpoint"), QStringLiteral("--mode"), QStringLiteral("truncate"),
                         QStringLiteral("--busy-timeout"), QStringLiteral("300"), QStringLiteral("--json"),
                         m_db});
    QCOMPARE(r.exitCode, 1);
    o = json(r);
    QCOMPARE(o.value(QStringLiteral("busy")).toInt(), 1);
    QVERIFY(o.value(QStringLiteral("wal_bytes_after")).toInteger() > 0);
    qInfo() << "CLI TRUNCATE against a reader:" << o.value(QStringLiteral("elapsed_ms")).toInteger() << "ms";

    reader.exec(QStringLiteral("COMMIT;")); // both stay connected, so the WAL stays
    r = test::inspector({QStringLiteral("checkpoint"), QStringLiteral("--mode"), QStringLiteral("truncate"),
                         QStringLiteral("--json"), m_db});
    QCOMPARE(r.exitCode, 0);
    o = json(r);
    QCOMPARE(o.value(QStringLiteral("busy")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("log_frames")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("wal_bytes_after")).toInteger(), 0);
    QVERIFY(o.value(QStringLiteral("wal_bytes_before")).toInteger() > 0);
    qInfo() << "CLI TRUNCATE alone:" << o.value(QStringLiteral("elapsed_ms")).toInteger() << "ms,"
            << o.value(QStringLiteral("wal_bytes_before")).toInteger() << "-> 0 bytes";
    const test::Run text = test::inspector(
        {QStringLiteral("checkpoint"), QStringLiteral("--mode"), QStringLiteral("full"), m_db});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("checkpointed frames")));
}

void TestDiagCli::checkpointUsage()
{
    test::Run r = test::inspector(
        {QStringLiteral("checkpoint"), QStringLiteral("--mode"), QStringLiteral("sometimes"), m_db});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("--mode")));
    const QString rollback = m_dir.filePath(QStringLiteral("rb2.db"));
    test::sqlite3(rollback, QStringLiteral("PRAGMA journal_mode=delete; CREATE TABLE t(x);"));
    r = test::inspector(
        {QStringLiteral("checkpoint"), QStringLiteral("--mode"), QStringLiteral("full"), rollback});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("not in WAL mode")));
}

void TestDiagCli::checkHealthyAndCorrupt()
{
    for (const char *option : {"--quick", "--full", "--foreign-keys"}) {
        const test::Run r =
            test::inspector({QStringLiteral("check"), QLatin1String(option), QStringLiteral("--json"), m_db});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QVERIFY(o.value(QStringLiteral("ok")).toBool());
        QVERIFY(o.value(QStringLiteral("problems")).toArray().isEmpty());
        QVERIFY(o.contains(QStringLiteral("elapsed_ms")));
    }
    QCOMPARE(json(test::inspector({QStringLiteral("check"), QStringLiteral("--json"), m_db}))
                 .value(QStringLiteral("check"))
                 .toString(),
             QStringLiteral("integrity_check"));
    QCOMPARE(
        test::inspector({QStringLiteral("check"), QStringLiteral("--quick"), QStringLiteral("--full"), m_db})
            .exitCode,
        2);

    const QString copy = m_dir.filePath(QStringLiteral("corrupt.db"));
    test::sqlite3(m_db, QStringLiteral("VACUUM INTO '%1';").arg(copy));
    test::sqlite3(copy, QStringLiteral("PRAGMA journal_mode=delete;"));
    const QString page =
        test::sqlite3(copy, QStringLiteral("SELECT pageno FROM dbstat WHERE name = "
                                           "'idx_messages_session_created' AND pagetype = 'leaf' LIMIT 1;"));
    const int pageSize = test::sqlite3(copy, QStringLiteral("PRAGMA page_size;")).toInt();
    QVERIFY(page.toInt() > 1);
    {
        QFile f(copy); // no process has the copy open
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(qint64(page.toInt() - 1) * pageSize + pageSize - 300));
        f.write(QByteArray(200, '\x07'));
    }
    const test::Run r = test::inspector({QStringLiteral("check"), QStringLiteral("--json"), copy});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = json(r);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(!o.value(QStringLiteral("problems")).toArray().isEmpty());
    const test::Run text = test::inspector({QStringLiteral("check"), QStringLiteral("--per-table"), copy});
    QCOMPARE(text.exitCode, 1);
    QVERIFY(text.err.contains(QStringLiteral("checking messages")));
    QVERIFY(text.out.contains(QStringLiteral("problem(s)")));
}

QTEST_GUILESS_MAIN(TestDiagCli)
#include "tst_diagcli.moc"
