// Writes the fuzzer's seed corpus: small valid databases of the kinds the inspector meets
// (a Kalito database in WAL and rollback mode, with 512-byte pages to keep inputs small, one with
// a view and extra index, one not Kalito at all). Usage: kalito-fuzz-seeds FOLDER
#include "database.h"
#include "demodatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <cstdio>

using namespace kalito;

namespace {

bool run(const QString &path, const QStringList &statements)
{
    Database db;
    if (!db.open({path}).ok())
        return false;
    for (const QString &sql : statements) {
        const DbError e = db.execute(sql);
        if (e.isError()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(e.toString()));
            return false;
        }
    }
    db.close();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kalito.*=false"));
    if (argc != 2) {
        std::fprintf(stderr, "usage: kalito-fuzz-seeds FOLDER\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(dir.path());
    const QStringList small = {QStringLiteral("PRAGMA journal_mode = DELETE"),
                               QStringLiteral("PRAGMA page_size = 512"), QStringLiteral("VACUUM")};
    struct Seed
    {
        const char *name;
        int sessions;
        int messages;
        QStringList extra;
    };
    const QList<Seed> seeds = {
        {"kalito-rollback.db", 1, 2, small},
        {"kalito-wal.db", 2, 3, small + QStringList{QStringLiteral("PRAGMA journal_mode = WAL")}},
        {"kalito-view.db", 1, 1,
         small + QStringList{QStringLiteral(
                                 "CREATE VIEW recent AS SELECT * FROM messages ORDER BY created_at DESC"),
                             QStringLiteral("CREATE INDEX idx_sessions_updated ON sessions(updated_at)")}},
        {"other-schema.db",
         0,
         0,
         {QStringLiteral("PRAGMA page_size = 512"),
          QStringLiteral("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c BLOB)"),
          QStringLiteral("INSERT INTO t(b, c) VALUES ('x', x'00ff'), (NULL, zeroblob(3))"),
          QStringLiteral("CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID"),
          QStringLiteral("INSERT INTO w VALUES ('k', 1.5)")}},
    };
    int made = 0;
    for (const Seed &s : seeds) {
        const QString path = dir.filePath(QLatin1String(s.name));
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        if (s.sessions > 0) {
            DemoOptions o;
            o.path = path;
            o.sessions = s.sessions;
            o.messagesPerSession = s.messages;
            if (DemoDatabase::create(o).error.isError())
                return 1;
        } else {
            OpenOptions create{path};
            create.create = true;
            Database db;
            if (!db.open(create).ok())
                return 1;
            db.close();
        }
        if (!run(path, s.extra))
            return 1;
        std::printf("%s %lld bytes\n", qPrintable(path), QFile(path).size());
        ++made;
    }
    return made == seeds.size() ? 0 : 1;
}
