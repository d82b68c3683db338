#include "hostilefiles.h"

#include "sqliteprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <sys/stat.h>
#include <unistd.h>

namespace kalito::test {

namespace {

using Expect = HostileFiles::Expect;

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        bytes[i] = char(random.bounded(256));
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// The test process holds no connection on these files, so reading them directly is safe.
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString kalitoDb(const QString &dir, const QString &name = QStringLiteral("kalito.db"))
{
    return makeKalitoDb(dir, name, 5, 12);
}

HostileFiles::Case refused(const QString &path, const QString &reason, bool notADatabase = true)
{
    HostileFiles::Case c;
    c.path = path;
    c.expect = Expect::Refused;
    c.reason = reason;
    c.notADatabase = notADatabase;
    return c;
}

HostileFiles::Case opens(const QString &path, Expect expect = Expect::Opens)
{
    HostileFiles::Case c;
    c.path = path;
    c.expect = expect;
    return c;
}

// at < 0 counts from the end; half cuts the file in two.
HostileFiles::Case truncated(const QString &dir, qint64 at, bool half = false)
{
    const QString source = kalitoDb(dir, QStringLiteral("source.db"));
    QByteArray bytes = readFile(source);
    QFile::remove(source);
    const QString path = QDir(dir).filePath(QStringLiteral("truncated.db"));
    if (half)
        at = bytes.size() / 2;
    writeFile(path, bytes.left(at < 0 ? bytes.size() + at : at));
    if (at >= 0 && at < 100)
        return refused(path, QStringLiteral("not a SQLite database"));
    return opens(path, Expect::Either);
}

// Overwrites one page with random bytes.
HostileFiles::Case damagedPage(const QString &dir, const QString &table)
{
    const QString path = kalitoDb(dir);
    const int page =
        table.isEmpty()
            ? 1
            : sqlite3(path,
                      QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = '%1';").arg(table))
                  .toInt();
    QByteArray bytes = readFile(path);
    const int pageSize = 4096;
    const int from = (page - 1) * pageSize + (page == 1 ? 100 : 0); // keep the 100-byte file header
    bytes.replace(from, pageSize * page - from, randomBytes(pageSize * page - from, 7));
    writeFile(path, bytes);
    return opens(path, Expect::Either);
}

} // namespace

QStringList HostileFiles::names()
{
    return {QStringLiteral("zero-byte"),
            QStringLiteral("random-bytes"),
            QStringLiteral("truncated-50"),
            QStringLiteral("truncated-4096"),
            QStringLiteral("truncated-half"),
            QStringLiteral("truncated-last-byte"),
            QStringLiteral("damaged-header-page-size"),
            QStringLiteral("damaged-header-magic"),
            QStringLiteral("damaged-page-messages"),
            QStringLiteral("damaged-page-schema"),
            QStringLiteral("wal-of-another-database"),
            QStringLiteral("garbage-shm"),
            QStringLiteral("directory"),
            QStringLiteral("fifo"),
            QStringLiteral("unreadable"),
            QStringLiteral("symlink-loop"),
            QStringLiteral("read-only-folder-without-shm"),
            QStringLiteral("rollback-journal"),
            QStringLiteral("exclusive-lock-held"),
            QStringLiteral("spaces-and-non-latin-name"),
            QStringLiteral("non-kalito-schema"),
            QStringLiteral("5000-tables"),
            QStringLiteral("10-mb-message"),
            QStringLiteral("nul-and-invalid-utf8")};
}

HostileFiles::Case HostileFiles::make(const QString &name, const QString &dir)
{
    const QDir d(dir);
    const QString file = d.filePath(QStringLiteral("kalito.db"));
    if (name == QLatin1String("zero-byte")) {
        writeFile(file, QByteArray());
        return refused(file, QStringLiteral("empty"));
    }
    if (name == QLatin1String("random-bytes")) {
        writeFile(file, randomBytes(8192, 1));
        return refused(file, QStringLiteral("not a SQLite database"));
    }
    if (name == QLatin1String("truncated-50"))
        return truncated(dir, 50);
    if (name == QLatin1String("truncated-4096"))
        return truncated(dir, 4096);
    if (name == QLatin1String("truncated-half"))
        return truncated(dir, 0, true);
    if (name == QLatin1String("truncated-last-byte"))
        return truncated(dir, -1);
    if (name == QLatin1String("damaged-header-page-size") || name == QLatin1String("damaged-header-magic")) {
        kalitoDb(dir);
        QByteArray bytes = readFile(file);
        if (name.endsWith(QLatin1String("magic")))
            bytes[0] = 'X';
        else
            bytes[16] = char(0x12), bytes[17] = char(0x34);
        writeFile(file, bytes);
        return refused(file,
                       name.endsWith(QLatin1String("magic")) ? QStringLiteral("not a SQLite database")
                                                             : QStringLiteral("header is damaged"),
                       false);
    }
    if (name == QLatin1String("damaged-page-messages"))
        return damagedPage(dir, QStringLiteral("messages"));
    if (name == QLatin1String("damaged-page-schema"))
        return damagedPage(dir, QString());
    if (name == QLatin1String("wal-of-another-database")) {
        kalitoDb(dir);
        const QString other = makeKalitoDb(dir, QStringLiteral("other.db"), 9, 20);
        // Another database with committed frames in its WAL, copied while its writer still has it.
        auto writer = std::make_shared<SqliteProcess>(other);
        writer->start();
        writer->exec(
            QStringLiteral("PRAGMA wal_autocheckpoint = 0; UPDATE messages SET text = 'from other.db';"
                           "DELETE FROM sessions WHERE rowid % 2 = 0;"));
        writeFile(file + QStringLiteral("-wal"), readFile(other + QStringLiteral("-wal")));
        writer->stop();
        return opens(file, Expect::Either);
    }
    if (name == QLatin1String("garbage-shm")) {
        kalitoDb(dir);
        writeFile(file + QStringLiteral("-shm"), randomBytes(32768, 2));
        return opens(file);
    }
    if (name == QLatin1String("directory")) {
        d.mkpath(file);
        return refused(file, QStringLiteral("directory"));
    }
    if (name == QLatin1String("fifo")) {
        ::mkfifo(QFile::encodeName(file).constData(), 0644);
        return refused(file, QStringLiteral("FIFO"));
    }
    if (name == QLatin1String("unreadable")) {
        kalitoDb(dir);
        ::chmod(QFile::encodeName(file).constData(), 0);
        Case c = refused(file, QStringLiteral("not readable"), false);
        c.asNobody = true;
        return c;
    }
    if (name == QLatin1String("symlink-loop")) {
        QFile::link(d.filePath(QStringLiteral("b.db")), file);
        QFile::link(file, d.filePath(QStringLiteral("b.db")));
        return refused(file, QStringLiteral("symbolic link loop"));
    }
    if (name == QLatin1String("read-only-folder-without-shm")) {
        kalitoDb(dir);
        ::chmod(QFile::encodeName(dir).constData(), 0555);
        Case c = refused(file, QStringLiteral("folder is not writable"), false);
        c.asNobody = true;
        return c;
    }
    if (name == QLatin1String("rollback-journal")) {
        kalitoDb(dir);
        sqlite3(file, QStringLiteral("PRAGMA journal_mode = DELETE;"));
        return opens(file);
    }
    if (name == QLatin1String("exclusive-lock-held")) {
        kalitoDb(dir);
        Case c = refused(file, QStringLiteral("locked"), false);
        c.holder = std::make_shared<SqliteProcess>(file);
        c.holder->start();
        c.holder->exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;"));
        return c;
    }
    if (name == QLatin1String("spaces-and-non-latin-name"))
        return opens(kalitoDb(dir, QStringLiteral("my chats ñ Ωμέγα Пётр 日本語 🙂.db")));
    if (name == QLatin1String("non-kalito-schema")) {
        sqlite3(file,
                QStringLiteral("PRAGMA journal_mode = WAL; CREATE TABLE inventory(sku TEXT PRIMARY KEY, "
                               "qty INTEGER); INSERT INTO inventory VALUES ('a', 1), ('b', 2);"
                               "CREATE VIEW v AS SELECT * FROM inventory;"));
        return opens(file);
    }
    if (name == QLatin1String("5000-tables")) {
        QString sql = QStringLiteral("BEGIN;");
        for (int i = 0; i < 5000; ++i)
            sql += QStringLiteral("CREATE TABLE t%1(id INTEGER PRIMARY KEY, v TEXT);").arg(i);
        sql += QStringLiteral("INSERT INTO t4999(v) VALUES ('last'); COMMIT;");
        sqlite3(file, sql);
        return opens(file);
    }
    if (name == QLatin1String("10-mb-message")) {
        kalitoDb(dir);
        sqlite3(file,
                QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) SELECT id, 'user', "
                               "replace(hex(zeroblob(5242880)), '00', 'ab'), '2024-05-01T00:00:00Z' "
                               "FROM sessions LIMIT 1;"));
        return opens(file);
    }
    if (name == QLatin1String("nul-and-invalid-utf8")) {
        kalitoDb(dir);
        sqlite3(file, QStringLiteral(
                          "UPDATE messages SET text = CAST(x'4e554c00696e2074657874' AS TEXT) "
                          "WHERE rowid % 2 = 0;"
                          "UPDATE messages SET text = CAST(x'c328a0a1fffe8080' AS TEXT) WHERE rowid % 2 = 1;"
                          "UPDATE sessions SET name = CAST(x'ff00fe' AS TEXT);"));
        return opens(file);
    }
    qFatal("unknown hostile file case %s", qPrintable(name));
}

} // namespace kalito::test
