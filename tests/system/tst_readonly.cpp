#include "connection.h"
#include "inspectorwork.h"
#include "openadvice.h"
#include "opentext.h"
#include "proclocklistener.h"
#include "readonlycopy.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace kalito;
using test::InspectorWork;

// Read-only means read-only: the database and -wal bytes stay identical, the WAL write lock is
// never taken, and opening warns before creating -wal/-shm for another user than the owner.
class TestReadOnly : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void neverWritesNorTakesTheWriteLock();
    void commandLineLeavesDatabaseAndWal();
    void adviceWhenCompanionsAreMissing();
    void adviceAsAnotherUser();
    void readOnlyCopyOfALiveDatabase();

private:
    QString walDatabase(const QString &name, test::SqliteProcess *keeper);
    QTemporaryDir m_dir;
};

void TestReadOnly::initTestCase()
{
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
}

// A Kalito database whose -wal holds committed frames not yet checkpointed, kept that way by a
// live sqlite3 process (the backend's role).
QString TestReadOnly::walDatabase(const QString &name, test::SqliteProcess *keeper)
{
    const QString path = test::makeKalitoDb(m_dir.path(), name, 10, 20);
    keeper->start();
    keeper->exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0; UPDATE messages SET importance_score = 0.9;"
                                "INSERT INTO sessions (id, name) VALUES ('in-wal', 'only in the WAL');"));
    return path;
}

void TestReadOnly::neverWritesNorTakesTheWriteLock()
{
    const QString path = QDir(m_dir.path()).filePath(QStringLiteral("ro.db"));
    test::SqliteProcess keeper(path);
    walDatabase(QStringLiteral("ro.db"), &keeper);
    const QString wal = path + QStringLiteral("-wal");
    QVERIFY(QFileInfo(wal).size() > 32);
    const QByteArray dbBefore = test::sha256(path), walBefore = test::sha256(wal);

    // Another process holds the WAL write lock all along: any attempt by the inspector to take it
    // would wait for the busy timeout and fail with "locked".
    test::SqliteProcess holder(path);
    QVERIFY(holder.start());
    holder.exec(QStringLiteral("BEGIN IMMEDIATE;"));

    test::ProcLockListener locks(path, qint64(QCoreApplication::applicationPid()));
    locks.start();
    {
        Connection c;
        OpenOptions options{path, true, 2000};
        const OpenResult r = c.open(options).result();
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        const auto work =
            c.run([](Database &db) {
                 QStringList errors;
                 auto note = [&errors](const QString &what, const DbError &e) {
                     if (e.isError())
                         errors << what + QStringLiteral(": ") + e.toString();
                 };
                 InspectorWork::BrowseState state;
                 for (int i = 0; i < 20; ++i)
                     note(QStringLiteral("browse"), InspectorWork::browse(db, state).error);
                 const auto walk = InspectorWork::walkSchema(db);
                 note(QStringLiteral("walk"), walk.error);
                 for (auto k : InspectorWork::checks())
                     note(InspectorWork::name(k), InspectorWork::check(db, k).error);
                 QStringList refused;
                 for (auto m : InspectorWork::checkpoints()) {
                     const auto o = InspectorWork::checkpoint(db, m);
                     if (o.error.kind == DbError::Kind::ReadOnly)
                         refused << InspectorWork::name(m);
                     else
                         note(InspectorWork::name(m), o.error);
                 }
                 // The WAL's own rows are visible: reading went through the WAL.
                 const QString inWal =
                     db.scalar(QStringLiteral("SELECT name FROM sessions WHERE id = 'in-wal'")).toString();
                 return std::make_tuple(errors, refused, inWal);
             }).result();
        QVERIFY2(std::get<0>(work).isEmpty(), qPrintable(std::get<0>(work).join(QLatin1Char('\n'))));
        QCOMPARE(std::get<1>(work).size(), 4); // all four modes refused before they ran
        QCOMPARE(std::get<2>(work), QStringLiteral("only in the WAL"));
        c.close().waitForFinished();
    }
    locks.stop();
    QVERIFY(locks.samples() > 0);
    QVERIFY2(locks.writeLocksSeen().isEmpty(), qPrintable(locks.writeLocksSeen().join(QLatin1Char('\n'))));
    holder.exec(QStringLiteral("ROLLBACK;"));
    QCOMPARE(test::sha256(path), dbBefore);
    QCOMPARE(test::sha256(wal), walBefore);

    // The listener does see a write lock when this process takes one (it can fail).
    {
        Database db;
        QVERIFY(db.open({path}).ok());
        QVERIFY(!db.execute(QStringLiteral("BEGIN IMMEDIATE")).isError());
        test::ProcLockListener control(path, qint64(QCoreApplication::applicationPid()));
        control.sampleOnce();
        db.execute(QStringLiteral("ROLLBACK"));
        QVERIFY2(!control.writeLocksSeen().isEmpty(), "the /proc/locks listener missed a held write lock");
    }
}

void TestReadOnly::commandLineLeavesDatabaseAndWal()
{
    const QString path = QDir(m_dir.path()).filePath(QStringLiteral("cli.db"));
    test::SqliteProcess keeper(path);
    walDatabase(QStringLiteral("cli.db"), &keeper);
    const QString wal = path + QStringLiteral("-wal");
    const QByteArray dbBefore = test::sha256(path), walBefore = test::sha256(wal);
    const test::Run r = test::inspector({QStringLiteral("status"), QStringLiteral("--read-only"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("sessions +11\\n"))), qPrintable(r.out));
    QCOMPARE(test::sha256(path), dbBefore);
    QCOMPARE(test::sha256(wal), walBefore);
}

void TestReadOnly::adviceWhenCompanionsAreMissing()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("advice.db"));
    QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    const uint self = ::geteuid();
    OpenAdvice a = OpenAdvice::before(path, true);
    QVERIFY(!a.error.isError());
    QVERIFY(a.createsCompanions);
    QCOMPARE(a.databaseOwner, self);
    QVERIFY(!a.foreignOwner && !a.cannotCreate && OpenText::advice(a).isEmpty());
    QVERIFY2(!QFile::exists(path + QStringLiteral("-shm")), "advising must not create anything");

    if (self == 0) {
        // Root opening another user's database: SQLite hands the files it creates to the owner,
        // which is why the advice has nothing to warn about. Checked for real.
        QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        a = OpenAdvice::before(path, true);
        QCOMPARE(a.databaseOwner, 65534u);
        QCOMPARE(a.companionOwner, 65534u);
        QVERIFY(!a.foreignOwner);
        Database db;
        QVERIFY(db.open({path, true}).ok());
        QVERIFY(db.scalar(QStringLiteral("SELECT count(*) FROM sessions")).toInt() > 0);
        struct stat st;
        QVERIFY(::stat(QFile::encodeName(path + QStringLiteral("-shm")).constData(), &st) == 0);
        QCOMPARE(uint(st.st_uid), 65534u);
        db.close();
    }

    // Companions present: nothing will be created.
    test::SqliteProcess keeper(path);
    QVERIFY(keeper.start());
    keeper.exec(QStringLiteral("SELECT count(*) FROM sessions;"));
    a = OpenAdvice::before(path, false);
    QVERIFY(!a.createsCompanions && OpenText::advice(a).isEmpty());
}

void TestReadOnly::adviceAsAnotherUser()
{
    // CI runs as root; a developer's machine may not.
    if (::geteuid() != 0)
        QSKIP("needs root to act as another user");
    KALITO_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty(),
                   QStringLiteral("needs setpriv to act as another user"));
    // The database belongs to root; the inspector runs as uid 65534 in a folder it may write.
    const QString dir = m_dir.filePath(QStringLiteral("shared"));
    QDir().mkpath(dir);
    ::chmod(QFile::encodeName(dir).constData(), 0777);
    const QString path = test::makeKalitoDb(dir, QStringLiteral("kalito.db"));
    const QByteArray before = test::sha256(path);
    QProcess p;
    p.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                        QStringLiteral("--clear-groups"), test::inspectorPath(),
                                        QStringLiteral("status"), QStringLiteral("--read-only"), path});
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitCode(), 0);
    QVERIFY2(err.contains(QStringLiteral("warning: ") + path) &&
                 err.contains(QStringLiteral("owned by user 65534")) &&
                 err.contains(QStringLiteral("belongs to user 0")),
             qPrintable(err));
    // The warning told the truth: the files now exist, owned by 65534.
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(path + QStringLiteral("-shm")).constData(), &st) == 0);
    QCOMPARE(uint(st.st_uid), 65534u);
    QCOMPARE(test::sha256(path), before);
}

void TestReadOnly::readOnlyCopyOfALiveDatabase()
{
    const QString path = QDir(m_dir.path()).filePath(QStringLiteral("live.db"));
    test::SqliteProcess keeper(path);
    walDatabase(QStringLiteral("live.db"), &keeper);
    const QStringList besideBefore = QDir(m_dir.path()).entryList(QDir::Files);
    const QByteArray dbBefore = test::sha256(path);

    {
        Database here;
        QVERIFY(here.open({path, true}).ok());
        const ReadOnlyCopy refused = ReadOnlyCopy::make(path, m_dir.path());
        QVERIFY2(refused.error.isError() && refused.error.reasonText().contains(QStringLiteral("close it")),
                 qPrintable(refused.error.toString()));
    }

    const ReadOnlyCopy copy = ReadOnlyCopy::make(path, m_dir.path());
    QVERIFY2(!copy.error.isError(), qPrintable(copy.error.toString()));
    QVERIFY(copy.walCopied);
    QVERIFY(copy.path.startsWith(copy.folder));
    Database db;
    const OpenResult r = db.open({copy.path, true});
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    // The copy holds what the live WAL holds.
    QCOMPARE(db.scalar(QStringLiteral("SELECT name FROM sessions WHERE id = 'in-wal'")).toString(),
             QStringLiteral("only in the WAL"));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM sessions")).toString(),
             keeper.exec(QStringLiteral("SELECT count(*) FROM sessions;")));
    db.close();
    QVERIFY(QDir(copy.folder).removeRecursively());
    QCOMPARE(test::sha256(path), dbBefore);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), besideBefore);
}

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
