// libFuzzer target: a mutated database file opened the way the inspector opens one.
// Each input is written to a file, opened through Database (so FileProbe judges it first), then
// the schema is introspected (sqlite_schema, PRAGMA table_xinfo of each table and view), the
// first page (50 rows) of every table and view is read, and the status report is collected.
// Build with the `fuzz` preset (clang, -fsanitize=fuzzer,address,undefined); see README.
#include "database.h"
#include "inspectorwork.h"
#include "statusreport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <cstdint>

namespace {

QString s_path;

// A hostile schema can hold a view over an endless recursive query: bound the work per input
// so the fuzzer looks for crashes, not for slow SQL (the inspector itself has interrupt()).
int stopRunaway(void *steps)
{
    return ++*static_cast<int *>(steps) > 20000 ? 1 : 0;
}

void quiet(QtMsgType, const QMessageLogContext &, const QString &) {}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Never destroyed: libFuzzer calls exit() after its own main's locals (argc/argv) are gone,
    // and ~QCoreApplication would then touch them.
    static int s_argc = 1;
    static char *s_argv[] = {(*argv)[0], nullptr};
    Q_UNUSED(argc)
    new QCoreApplication(s_argc, s_argv);
    qInstallMessageHandler(quiet);
    QLoggingCategory::setFilterRules(QStringLiteral("kalito.*=false"));
    const QString dir =
        QDir::tempPath() + QStringLiteral("/kalito-fuzz-%1").arg(QCoreApplication::applicationPid());
    QDir().mkpath(dir);
    s_path = dir + QStringLiteral("/kalito.db");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(s_path + QLatin1String(suffix));
    {
        QFile f(s_path);
        if (!f.open(QIODevice::WriteOnly))
            return 0;
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    kalito::Database db;
    kalito::OpenOptions options{s_path};
    options.readOnly = size > 0 && (data[size - 1] & 1);
    options.busyTimeoutMs = 0;
    if (!db.open(options).ok())
        return 0;
    int steps = 0;
    if (sqlite3 *h = db.handle())
        sqlite3_progress_handler(h, 100, stopRunaway, &steps);
    kalito::test::InspectorWork::walkSchema(db, 50);
    steps = 0;
    kalito::StatusReport::collect(db);
    db.close();
    return 0;
}
