#include "dberror.h"

#include <QJsonObject>
#include <QtTest>

#include <sqlite3.h>

using namespace kalito;

// Core says what happened as codes with arguments; toString() words them in English for the
// command line and the log (the window's words: tests/ui/tst_spanish.cpp).
class TestDbError : public QObject
{
    Q_OBJECT
private slots:
    void sqliteCodesBecomeKindsAndReasons_data();
    void sqliteCodesBecomeKindsAndReasons();
    void englishWordsForTheCommandLine();
    void travelsAsJson();
    void connectionClosedIsItsOwnKind();
};

void TestDbError::sqliteCodesBecomeKindsAndReasons_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("english");
    using K = DbError::Kind;
    using R = DbError::Reason;
    QTest::addRow("busy") << SQLITE_BUSY << int(K::Locked) << int(R::SqliteLocked)
                          << QStringLiteral("database is locked by another connection (why)");
    QTest::addRow("notadb") << SQLITE_NOTADB << int(K::NotADatabase) << int(R::SqliteNotADatabase)
                            << QStringLiteral("not a SQLite database (why)");
    QTest::addRow("corrupt") << SQLITE_CORRUPT << int(K::Corrupt) << int(R::SqliteCorrupt)
                             << QStringLiteral("the database is damaged (why)");
    QTest::addRow("interrupt") << SQLITE_INTERRUPT << int(K::Interrupted) << int(R::SqliteInterrupted)
                               << QStringLiteral("cancelled");
    QTest::addRow("auth") << SQLITE_AUTH << int(K::ReadOnly) << int(R::SqliteDenied)
                          << QStringLiteral("not allowed: the database is open read-only (why)");
    QTest::addRow("ioerr-extended") << SQLITE_IOERR_SHORT_READ << int(K::Io) << int(R::SqliteIo)
                                    << QStringLiteral("input/output error (why)");
    QTest::addRow("other") << SQLITE_CONSTRAINT << int(K::Sqlite) << int(R::SqliteOther)
                           << QStringLiteral("why");
}

void TestDbError::sqliteCodesBecomeKindsAndReasons()
{
    QFETCH(int, code);
    QFETCH(int, kind);
    QFETCH(int, reason);
    QFETCH(QString, english);
    const DbError e = DbError::fromSqlite(code, QStringLiteral("why"), QStringLiteral("/x/kalito.db"));
    QCOMPARE(int(e.kind), kind);
    QCOMPARE(int(e.reason), reason);
    QCOMPARE(e.extendedCode, code);
    QCOMPARE(e.code, code & 0xff);
    QCOMPARE(e.detail, QStringLiteral("why")); // SQLite's own words, kept as they are
    QCOMPARE(e.reasonText(), english);
    QCOMPARE(e.toString(), QStringLiteral("/x/kalito.db: ") + english);
    // Without a message, SQLite's text for the code is the detail.
    QVERIFY(!DbError::fromSqlite(code, QString(), QString()).detail.isEmpty());
    QVERIFY(!DbError::fromSqlite(SQLITE_OK, QStringLiteral("why"), QString()).isError());
}

void TestDbError::englishWordsForTheCommandLine()
{
    using K = DbError::Kind;
    using R = DbError::Reason;
    // The sentences tests and scripts read (tst_hostile, tst_cli) stay word for word.
    QCOMPARE(DbError::make(K::NotFound, R::FileMissing, QStringLiteral("/a.db")).toString(),
             QStringLiteral("/a.db: the file does not exist"));
    QCOMPARE(DbError::make(K::NotARegularFile, R::NotRegularFile, QStringLiteral("/d"),
                           {QStringLiteral("directory")})
                 .reasonText(),
             QStringLiteral("this is a directory, not a database file"));
    QCOMPARE(DbError::make(K::Corrupt, R::HeaderDamaged, QString(),
                           {QStringLiteral("3"), QStringLiteral("7"), QStringLiteral("9")})
                 .reasonText(),
             QStringLiteral("the database header is damaged (page size 3, format bytes 7/9)"));
    QCOMPARE(DbError::make(K::Io, R::CopyFailed, QStringLiteral("/a.db"), {QStringLiteral("/tmp/c.db")},
                           QStringLiteral("No space left on device"))
                 .toString(),
             QStringLiteral("/a.db: cannot copy it to /tmp/c.db: No space left on device"));
    QCOMPARE(DbError::make(K::NotOpen, R::NotOpen, QString()).toString(),
             QStringLiteral("no database is open"));
    QCOMPARE(DbError().toString(), QString());
}

void TestDbError::travelsAsJson()
{
    const DbError e =
        DbError::make(DbError::Kind::Unreadable, DbError::Reason::CannotOpenFile, QStringLiteral("/a.db"),
                      {QStringLiteral("x")}, QStringLiteral("Permission denied"));
    const DbError back = DbError::fromJson(e.toJson());
    QCOMPARE(back.kind, e.kind);
    QCOMPARE(back.reason, e.reason);
    QCOMPARE(back.path, e.path);
    QCOMPARE(back.args, e.args);
    QCOMPARE(back.detail, e.detail);
    QCOMPARE(back.toString(), QStringLiteral("/a.db: cannot open the file: Permission denied"));
}

void TestDbError::connectionClosedIsItsOwnKind()
{
    const DbError e =
        DbError::make(DbError::Kind::ConnectionClosed, DbError::Reason::ConnectionClosed, QString());
    QVERIFY(e.kind != DbError::Kind::Io);
    QCOMPARE(kindName(e.kind), QStringLiteral("connection-closed"));
}

QTEST_GUILESS_MAIN(TestDbError)
#include "tst_dberror.moc"
