#include "errortext.h"
#include "lockrecordingfile.h"

#include <QtTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace kalito;

// Loading and saving a lock recording (the Locks tab's Load/Save): every way it can be refused is
// one DbError (a kind, a Recording* reason, the recording's absolute path), worded by ErrorText,
// and a refused load leaves what the caller holds as it was. Real files for every case; nothing
// here is mocked.
class TestLockRecordingFile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void loadRefusals_data();
    void loadRefusals();
    void saveRefusals_data();
    void saveRefusals();
    void savedThenLoadedIsTheSame();

private:
    // path, the DbError's kind and reason, words its text must hold
    static void addColumns()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("words");
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    QString m_database;
    QString m_socket;
    int m_socketFd = -1;
};

void TestLockRecordingFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // A database and its companions: never to be read or written as a recording.
    m_database = file(QStringLiteral("kalito.db"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile f(m_database + suffix);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SQLite format 3");
    }
    QFile garbage(file(QStringLiteral("garbage.jsonl")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("this is not JSON\n");
    garbage.close();
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.jsonl")));
    // Bigger than a recording may be: a sparse file, so nothing is written.
    QFile big(file(QStringLiteral("big.jsonl")));
    QVERIFY(big.open(QIODevice::WriteOnly));
    QVERIFY(big.resize(LockRecordingFile::kMaxBytes + 1));
    big.close();
    // A file that exists, is no folder and cannot be opened, even by root (CI runs as root): a
    // UNIX socket, which open(2) refuses with ENXIO.
    m_socket = file(QStringLiteral("socket.jsonl"));
    m_socketFd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(m_socketFd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray name = QFile::encodeName(m_socket);
    QVERIFY(size_t(name.size()) < sizeof(address.sun_path));
    memcpy(address.sun_path, name.constData(), size_t(name.size()));
    QCOMPARE(::bind(m_socketFd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
}

void TestLockRecordingFile::cleanupTestCase()
{
    if (m_socketFd >= 0)
        ::close(m_socketFd);
}

void TestLockRecordingFile::loadRefusals_data()
{
    addColumns();
    using K = DbError::Kind;
    using R = DbError::Reason;
    QTest::newRow("missing") << file(QStringLiteral("nothing.jsonl")) << int(K::NotFound)
                             << int(R::RecordingMissing) << QStringLiteral("no such file");
    QTest::newRow("folder") << file(QStringLiteral("folder.jsonl")) << int(K::NotARegularFile)
                            << int(R::RecordingIsFolder) << QStringLiteral("is a folder, not a recording");
    QTest::newRow("the database") << m_database << int(K::Unreadable) << int(R::RecordingIsDatabase)
                                  << QStringLiteral("is the open database's own file");
    QTest::newRow("its -wal") << m_database + QStringLiteral("-wal") << int(K::Unreadable)
                              << int(R::RecordingIsDatabase)
                              << QStringLiteral("is the open database's own file");
    QTest::newRow("its -shm") << m_database + QStringLiteral("-shm") << int(K::Unreadable)
                              << int(R::RecordingIsDatabase)
                              << QStringLiteral("is the open database's own file");
    QTest::newRow("too big") << file(QStringLiteral("big.jsonl")) << int(K::Unreadable)
                             << int(R::RecordingTooBig)
                             << QStringLiteral("%1 bytes, more than a recording can hold (64 MB at most)")
                                    .arg(LockRecordingFile::kMaxBytes + 1);
    QTest::newRow("cannot open") << m_socket << int(K::Unreadable) << int(R::RecordingUnreadable)
                                 << QStringLiteral("cannot read: ");
    QTest::newRow("not a recording") << file(QStringLiteral("garbage.jsonl")) << int(K::Corrupt)
                                     << int(R::NotARecording)
                                     << QStringLiteral("not a lock recording: line 1: not JSON");
}

void TestLockRecordingFile::loadRefusals()
{
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(int, reason);
    QFETCH(QString, words);

    LockRecording held; // what the caller shows: one transition, which a refusal must leave
    LockTransition t;
    t.kind = LockTransition::Acquired;
    t.pid = 77;
    t.lock = QStringLiteral("wal-write");
    t.file = QStringLiteral("shm");
    held.apply(t);
    const QByteArray before = held.toJsonLines();

    DbError why;
    QVERIFY(!LockRecordingFile::load(path, m_database, &held, &why));
    QCOMPARE(int(why.kind), kind);
    QCOMPARE(int(why.reason), reason);
    QCOMPARE(why.path, QFileInfo(path).absoluteFilePath());
    QCOMPARE(held.toJsonLines(), before);
    const QString text = ErrorText::describe(why);
    QVERIFY2(text.startsWith(why.path + QStringLiteral(": ")) && text.contains(words), qPrintable(text));
    // It travels between processes like any other error, and reads the same on the other side.
    QCOMPARE(ErrorText::describe(DbError::fromJson(why.toJson())), text);
}

void TestLockRecordingFile::saveRefusals_data()
{
    addColumns();
    using K = DbError::Kind;
    using R = DbError::Reason;
    QTest::newRow("onto the database")
        << m_database << int(K::AlreadyExists) << int(R::RecordingOntoDatabase)
        << QStringLiteral("is the open database's own file; choose another name");
    QTest::newRow("onto its -wal") << m_database + QStringLiteral("-wal") << int(K::AlreadyExists)
                                   << int(R::RecordingOntoDatabase) << QStringLiteral("choose another name");
    QTest::newRow("no such folder") << file(QStringLiteral("no/such/folder/locks.jsonl")) << int(K::Io)
                                    << int(R::RecordingWriteFailed) << QStringLiteral("cannot write: ");
    QTest::newRow("onto a folder") << file(QStringLiteral("folder.jsonl")) << int(K::Io)
                                   << int(R::RecordingWriteFailed) << QStringLiteral("cannot write: ");
}

void TestLockRecordingFile::saveRefusals()
{
    QFETCH(QString, path);
    QFETCH(int, kind);
    QFETCH(int, reason);
    QFETCH(QString, words);

    QFileInfo before(path);
    const qint64 sizeBefore = before.exists() ? before.size() : -1;
    DbError why;
    QVERIFY(!LockRecordingFile::save(path, m_database, LockRecording(), &why));
    QCOMPARE(int(why.kind), kind);
    QCOMPARE(int(why.reason), reason);
    QCOMPARE(why.path, QFileInfo(path).absoluteFilePath());
    const QString text = ErrorText::describe(why);
    QVERIFY2(text.startsWith(why.path + QStringLiteral(": ")) && text.contains(words), qPrintable(text));
    QFileInfo after(path);
    QCOMPARE(after.exists() ? after.size() : -1, sizeBefore); // nothing written where it was refused
}

void TestLockRecordingFile::savedThenLoadedIsTheSame()
{
    LockRecording recording;
    LockTransition t;
    t.kind = LockTransition::Acquired;
    t.timeMs = 1000;
    t.pid = 4242;
    t.lock = QStringLiteral("wal-write");
    t.file = QStringLiteral("shm");
    t.write = true;
    recording.apply(t);
    const QString path = file(QStringLiteral("saved.jsonl"));
    DbError why;
    QVERIFY2(LockRecordingFile::save(path, m_database, recording, &why),
             qPrintable(ErrorText::describe(why)));
    QVERIFY(!why.isError());
    LockRecording back;
    QVERIFY2(LockRecordingFile::load(path, m_database, &back, &why), qPrintable(ErrorText::describe(why)));
    QVERIFY(!why.isError());
    QCOMPARE(back.toJsonLines(), recording.toJsonLines());
}

QTEST_GUILESS_MAIN(TestLockRecordingFile)
#include "tst_lockrecordingfile.moc"
