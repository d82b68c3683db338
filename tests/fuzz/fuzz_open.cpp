// libFuzzer target: a mutated database file opened the way the inspector opens one, and shown
// the way the window shows it. Each input is written to a file and opened through a Connection
// (so FileProbe judges it first, on the connection's thread); then, through the product's own
// classes (InspectorWork): SchemaInfo, every pageable table's first page, count and first row
// (TableQuery, KeysetPager, SteppedCount), on a Kalito file the sessions list, a transcript and its
// notes (SessionQuery, MessageQuery, SessionNotes); the status report; and the window's models fed
// through the event loop (ModelWalk: SessionsModel, MessagesModel, NotesModel, TableModel,
// SearchResultsModel, each under QAbstractItemModelTester). Build with the `fuzz` preset (clang,
// -fsanitize=fuzzer,address,undefined); see README.
#include "connection.h"
#include "inspectorwork.h"
#include "modelwalk.h"
#include "statusreport.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

QString s_path;
std::atomic<int> s_steps{0};
// Waits of ModelWalk that ended on their bound (1 s each): on a damaged file whose index lacked
// rows, two of them per input slowed the CI run to 15 inputs/s. Said at exit, so a slow run tells.
int s_inputs = 0;
int s_timeouts = 0;

void sayTally()
{
    std::fprintf(stderr, "kalito-fuzz-open: %d inputs walked, %d model waits timed out\n", s_inputs,
                 s_timeouts);
}

// A hostile schema can hold a view over an endless recursive query, or a table big enough to keep
// the models busy for long: bound the SQL work per input (about 5 million VM steps) so the fuzzer
// looks for crashes, not for slow SQL. Past the bound every statement fails as interrupted, which
// the inspector must handle too. (The search's own progress handler replaces this one; it runs last.)
int stopRunaway(void *)
{
    return s_steps.fetch_add(1) > 50000 ? 1 : 0;
}

void quiet(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // A model tester failure is a qFatal: say what it was before the abort.
    if (type == QtFatalMsg)
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
}

template<typename T> T await(const QFuture<T> &future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Never destroyed: libFuzzer calls exit() after its own main's locals (argc/argv) are gone,
    // and ~QGuiApplication would then touch them. A QGuiApplication (offscreen): the models'
    // font and brush roles need one.
    static int s_argc = 1;
    static char *s_argv[] = {(*argv)[0], nullptr};
    Q_UNUSED(argc)
    qputenv("QT_QPA_PLATFORM", "offscreen");
    new QGuiApplication(s_argc, s_argv);
    qInstallMessageHandler(quiet);
    QLoggingCategory::setFilterRules(QStringLiteral("kalito.*=false"));
    const QString dir =
        QDir::tempPath() + QStringLiteral("/kalito-fuzz-%1").arg(QCoreApplication::applicationPid());
    QDir().mkpath(dir);
    s_path = dir + QStringLiteral("/kalito.db");
    std::atexit(sayTally);
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
    kalito::Connection connection;
    kalito::OpenOptions options{s_path};
    options.readOnly = size > 0 && (data[size - 1] & 1);
    options.busyTimeoutMs = 0;
    if (!await(connection.open(options)).ok())
        return 0;
    s_steps = 0;
    await(connection.run([](kalito::Database &db) {
        if (sqlite3 *h = db.handle())
            sqlite3_progress_handler(h, 100, stopRunaway, nullptr);
        return kalito::test::InspectorWork::walkSchema(db, 50);
    }));
    await(connection.run([](kalito::Database &db) { return kalito::StatusReport::collect(db); }));
    s_steps = 0; // the models' own budget (the handler stays on the connection)
    const kalito::test::ModelWalk::Tally tally = kalito::test::ModelWalk::run(connection);
    ++s_inputs;
    s_timeouts += tally.timeouts;
    await(connection.close());
    return 0;
}
