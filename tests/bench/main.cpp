// kalito-bench: the browsing figures of issue 3 on a cached 1,000,000-message database, measured
// through the same Connection and models the window uses, beside the sqlite3 CLI; the window's
// own first open, cold and warm (issue 12, windowbench.h); status, check --quick and search
// beside the CLI doing the same work (sidebyside.h). `--scale 10m`: ten million messages (tenmillion.h).
#include "benchdatabase.h"
#include "benchfigure.h"
#include "benchreport.h"
#include "cancellatency.h"
#include "ftsbench.h"
#include "headlessfigures.h"
#include "issue12figures.h"
#include "lockwatchbench.h"
#include "prioritywait.h"
#include "spacebench.h"
#include "sqlitecli.h"
#include "tenmillion.h"
#include "transcriptbench.h"

#include "browse/messagequery.h"
#include "browse/messagesmodel.h"
#include "browse/schemainfo.h"
#include "browse/sessionquery.h"
#include "browse/sessionsmodel.h"
#include "connection.h"
#include "demodatabase.h"
#include "diagnostics/healthmonitor.h"
#include "errortext.h"
#include "proberunner.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <sys/resource.h>

using namespace kalito;

namespace {

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(qMin<qsizetype>(v.size() - 1, qsizetype(v.size() * p)));
}

// Waits for `signal` of `sender` (or a timeout); returns elapsed ms since `timer` started.
template<typename Sender, typename Signal>
double waitFor(Sender *sender, Signal signal, const QElapsedTimer &timer, int timeoutMs = 120000)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return timer.nsecsElapsed() / 1e6;
}

qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// The CLI's per-statement time, with sub-millisecond resolution: the wall time of a script that
// runs the statement 1 + reps times, minus that of a script running it once, divided by reps.
double cliPerQueryMs(const QString &path, const QString &sql, int reps)
{
    QString many;
    for (int i = 0; i < reps + 1; ++i)
        many += sql + QLatin1Char('\n');
    QList<double> once, more;
    for (int i = 0; i < 3; ++i) {
        once << SqliteCli::run(path, sql).wallMs;
        more << SqliteCli::run(path, many).wallMs;
    }
    return qMax(0.0, (median(more) - median(once)) / reps);
}

const char *SessionsSql =
    "SELECT s.rowid, s.id, s.name, s.persona_id, p.name, p.icon, s.model, s.saved, "
    "s.created_at, s.updated_at, s.recap, s.session_type, s.patient_id, s.related_record_id, s.care_category "
    "FROM sessions s LEFT JOIN personas p ON p.id = s.persona_id "
    "ORDER BY s.rowid DESC LIMIT 200;";

QString messagesSql(const QString &sessionId, const QString &tail)
{
    return QStringLiteral("SELECT m.created_at, m.id, m.id, m.role, substr(m.text, 1, 400), length(m.text), "
                          "m.model_id, m.token_usage, m.importance_score, m.created_at FROM messages m "
                          "WHERE m.session_id = '%1' %2;")
        .arg(sessionId, tail);
}

double openToFirstSessionsPage(const QString &path)
{
    QElapsedTimer t;
    t.start();
    Connection c;
    const OpenResult opened = c.open({path}).result();
    if (!opened.ok())
        return -1;
    const SchemaInfo schema = c.run([](Database &db) { return SchemaInfo::read(db); }).result();
    ui::SessionsModel model(&c);
    QEventLoop loop;
    QObject::connect(&model, &ui::PagedModel::pageLoaded, &loop, &QEventLoop::quit);
    QObject::connect(&model, &ui::PagedModel::failed, &loop, [&loop](const DbError &error) {
        QTextStream(stderr) << "sessions page failed: " << ErrorText::describe(error) << Qt::endl;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    model.setSchema(schema);
    loop.exec();
    return t.nsecsElapsed() / 1e6;
}

double cpuMsSelfAndChildren()
{
    double ms = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        struct rusage u;
        if (getrusage(who, &u) == 0)
            ms += (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
                  (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
    }
    return ms;
}

struct StripCost
{
    double cpuPercent = 0; // CPU ms per 100 ms of wall time, this process and its probe children
    int refreshes = 0;
    int probes = 0;
};

// What the health strip costs: its monitor (stat, /proc/locks, a child probe when the files moved)
// refreshing every second for `seconds`, CPU of this process plus its reaped children.
StripCost measureHealthStrip(const QString &path, int seconds)
{
    ui::HealthMonitor monitor;
    int refreshes = 0;
    QObject::connect(&monitor, &ui::HealthMonitor::updated, [&refreshes] { ++refreshes; });
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    const double cpuBefore = cpuMsSelfAndChildren();
    QElapsedTimer wall;
    wall.start();
    monitor.setDatabasePath(path);
    loop.exec();
    monitor.setDatabasePath(QString());
    QEventLoop drain; // let the last probe child finish and be reaped
    QTimer::singleShot(500, &drain, &QEventLoop::quit);
    drain.exec();
    const double cpu = cpuMsSelfAndChildren() - cpuBefore;
    return {100.0 * cpu / qMax<qint64>(1, wall.elapsed()), refreshes, monitor.probesStarted()};
}

// 6. The health strip's refresh: idle on the big database (beside an open connection, as in the
//    window), then on a scratch database that a sqlite3 process writes to four times a second (a
//    child probe at every refresh).
void addHealthStripFigures(Bench *bench, const QString &path, int stripSeconds)
{
    const StripCost idle = measureHealthStrip(path, stripSeconds);
    bench->add({QStringLiteral("health_strip_cpu_percent"), idle.cpuPercent, QStringLiteral("%"), -1,
                QStringLiteral(
                    "percent of one core = CPU ms per 100 ms of wall time (%4 ms per s) over %1 s, self + "
                    "reaped children; refresh every 1000 ms (%2 refreshes, %3 child probes); idle database")
                    .arg(stripSeconds)
                    .arg(idle.refreshes)
                    .arg(idle.probes)
                    .arg(idle.cpuPercent * 10, 0, 'f', 1)});
    {
        QTemporaryDir scratch;
        const QString busyDb = scratch.filePath(QStringLiteral("busy.db"));
        SqliteCli::run(busyDb, QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE t(x);"));
        QProcess writer;
        writer.start(QStringLiteral("sqlite3"), {busyDb});
        writer.waitForStarted();
        QTimer tick;
        QObject::connect(&tick, &QTimer::timeout, &writer,
                         [&writer] { writer.write("INSERT INTO t VALUES (randomblob(200));\n"); });
        tick.start(250);
        const StripCost busy = measureHealthStrip(busyDb, stripSeconds);
        tick.stop();
        writer.closeWriteChannel();
        writer.waitForFinished(5000);
        bench->add(
            {QStringLiteral("health_strip_cpu_percent_busy"), busy.cpuPercent, QStringLiteral("%"), -1,
             QStringLiteral("as above (%3 ms per s) while a sqlite3 process commits 4 times a second (%1 "
                            "refreshes, %2 child probes); the writer's own CPU is not counted")
                 .arg(busy.refreshes)
                 .arg(busy.probes)
                 .arg(busy.cpuPercent * 10, 0, 'f', 1)});
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--generate") == 0) {
        QCoreApplication generator(argc, argv);
        const QStringList args = generator.arguments();
        return BenchDatabase::generate(
            {args.value(2), args.value(3).toInt(), args.value(4).toInt(), args.value(5).toInt()});
    }
    // The window figures need a real QApplication; offscreen unless a platform was chosen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // the windows opened here keep their settings apart
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("kalito"));
    QCoreApplication::setApplicationName(QStringLiteral("kalito-inspector"));
    kalito::ui::Translations::install(&app); // as app/main.cpp
    QStringList args = app.arguments();
    const bool json = args.contains(QStringLiteral("--json"));
    auto option = [&](const QString &name, const QString &fallback) {
        const int i = int(args.indexOf(name));
        return i >= 0 ? args.value(i + 1, fallback) : fallback;
    };
    // Default cache: build/bench-cache next to build/release (the binary is build/release/tests/bench).
    const QString cache =
        option(QStringLiteral("--cache"),
               QDir(app.applicationDirPath()).absoluteFilePath(QStringLiteral("../../../bench-cache")));
    // --scale 10m (issue 24): 10,000,000 messages, 19,800 sessions of 500 and one of 100,000, and
    // only the figures that grow with the file (tenmillion.h). Its own cached database (~7 GB).
    const bool tenMillion = option(QStringLiteral("--scale"), QStringLiteral("1m")) == QLatin1String("10m");
    const int sessions =
        option(QStringLiteral("--sessions"), QLatin1String(tenMillion ? "19801" : "10000")).toInt();
    const int large = option(QStringLiteral("--large"), QStringLiteral("100000")).toInt();
    const int perSession =
        option(QStringLiteral("--per-session"), QLatin1String(tenMillion ? "500" : "90")).toInt();
    // "Part 79" heads the 79th part of the rare very long answers: a few hundred hits in 1,000,000
    // messages, so the search runs over every message without reaching the window's result limit.
    const QString word = option(QStringLiteral("--word"), QStringLiteral("Part 79"));
    // Repetitions (the smoke test uses 1): cold and warm window runs, check and search rounds.
    const int rounds =
        qMax(1, option(QStringLiteral("--rounds"), QLatin1String(tenMillion ? "3" : "5")).toInt());
    const QString inspector = option(QStringLiteral("--inspector"), QStringLiteral(KALITO_INSPECTOR_PATH));

    const BenchDatabase::Spec big{
        QDir(cache).filePath(QStringLiteral("big-%1x%2-%3.db").arg(sessions).arg(perSession).arg(large)),
        sessions, perSession, large};
    // The demo database as `./dev run` creates it (DemoOptions' defaults).
    const kalito::DemoOptions demo;
    const BenchDatabase::Spec small{
        QDir(cache).filePath(QStringLiteral("demo-%1x%2.db").arg(demo.sessions).arg(demo.messagesPerSession)),
        demo.sessions, demo.messagesPerSession, 0};
    for (const BenchDatabase::Spec &s : {big, small}) {
        const QString error = BenchDatabase::ensure(s, app.applicationFilePath());
        if (!error.isEmpty()) {
            QTextStream(stderr) << error << Qt::endl;
            return 1;
        }
    }
    Bench bench;
    ProbeRunner::setProgram(inspector);
    const int stripSeconds = option(QStringLiteral("--strip-seconds"), QStringLiteral("20")).toInt();
    const qint64 totalMessages = qint64(sessions - 1) * perSession + large;
    bench.out << "database: " << big.path << " (" << sessions << " sessions, " << totalMessages
              << " messages, largest session " << large << ")" << Qt::endl;
    auto finish = [&] {
        if (json) {
            QJsonArray list;
            for (const BenchFigure &f : std::as_const(bench.figures))
                list.append(f.json());
            const QJsonObject o{{QStringLiteral("benchmark"), QStringLiteral("kalito-bench")},
                                {QStringLiteral("database"), big.path},
                                {QStringLiteral("messages"), totalMessages},
                                {QStringLiteral("figures"), list}};
            bench.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
        }
        // A figure promised but not measured fails the run, loudly, naming it.
        int unmeasured = 0;
        for (const BenchFigure &f : std::as_const(bench.figures)) {
            if (!f.unmeasured.isEmpty()) {
                QTextStream(stderr) << "kalito-bench: NOT MEASURED: " << f.name << ": " << f.unmeasured
                                    << Qt::endl;
                ++unmeasured;
            }
        }
        return unmeasured > 0 ? 1 : 0;
    };
    const int lockSeconds = option(QStringLiteral("--lock-seconds"), QStringLiteral("8")).toInt();
    const int lockHolds = option(QStringLiteral("--lock-holds"), QStringLiteral("10")).toInt();
    if (args.contains(QStringLiteral("--only-priority"))) { // issue 12: pages behind background work
        for (const BenchFigure &f : measurePriorityWait(big.path))
            bench.add(f);
        return finish();
    }
    if (args.contains(QStringLiteral("--only-cancel"))) { // issue 13: how soon a cancel frees the connection
        QTemporaryDir scratch;
        for (const BenchFigure &f : measureCancelLatency(big.path, scratch.path())) {
            bench.add(f);
            if (f.value >= 0) // no sample: the work ended before the cancel (a tiny database)
                bench.addGoal(f.name + QStringLiteral(" (ms)"), f.value, 1000);
        }
        bench.printGoals();
        return finish();
    }
    if (args.contains(QStringLiteral("--only-locks"))) { // locks --watch alone
        for (const BenchFigure &f : measureLockWatch(inspector, lockSeconds, lockHolds))
            bench.add(f);
        return finish();
    }
    if (args.contains(QStringLiteral("--only-strip"))) { // the health strip's cost alone
        Connection open;                                 // as the window's connection would be
        if (!open.open({big.path}).result().ok())
            return 1;
        addHealthStripFigures(&bench, big.path, stripSeconds);
        return finish();
    }
    if (args.contains(QStringLiteral("--only-window"))) { // the window's first open, cold and warm
        if (!addWindowFigures(&bench, small.path, big.path, rounds))
            return 1;
        bench.printGoals();
        return finish();
    }
    auto largeSession = [&big] {
        Connection c;
        if (!c.open({big.path}).result().ok())
            return QString();
        return c
            .run([](Database &db) {
                return db.scalar(QStringLiteral("SELECT session_id FROM messages WHERE id = 1")).toString();
            })
            .result();
    };
    if (tenMillion && !args.join(QLatin1Char(' ')).contains(QLatin1String("--only-"))) {
        const int readSeconds = option(QStringLiteral("--read-seconds"), QStringLiteral("60")).toInt();
        if (!addTenMillionFigures(&bench, inspector, small.path, big.path, largeSession(), word, rounds,
                                  readSeconds))
            return 1;
        bench.printGoals();
        return finish();
    }
    if (args.contains(QStringLiteral("--only-transcript"))) { // issue 11: the conversation view
        for (const BenchFigure &f : TranscriptBench::measure(big.path, largeSession(), rounds))
            bench.add(f);
        return finish();
    }
    if (args.contains(QStringLiteral("--only-headless"))) { // issue 21: start-up and the CLI beside sqlite3
        if (!addHeadlessFigures(&bench, inspector, small.path, big.path, rounds))
            return 1;
        bench.printGoals();
        return finish();
    }
    if (args.contains(QStringLiteral("--only-space"))) { // issue 23: the space report beside sqlite3_analyzer
        const QList<BenchFigure> figures = measureSpaceReport(inspector, big.path, rounds);
        if (figures.isEmpty())
            return 1;
        for (const BenchFigure &f : figures)
            bench.add(f);
        const BenchFigure &time = figures.at(0), &rss = figures.at(1);
        bench.addGoal(QStringLiteral("space report within 1.1x of sqlite3_analyzer's time"),
                      time.value / time.sqlite3Cli, 1.1);
        bench.addGoal(QStringLiteral("space report peak RSS at most sqlite3_analyzer's"),
                      rss.value / rss.sqlite3Cli, 1.0);
        bench.printGoals();
        return finish();
    }
    if (args.contains(QStringLiteral("--only-fts"))) { // issue 24: the search index
        const bool measured = addSearchIndexFigures(&bench, big.path, word, rounds);
        bench.printGoals();
        return measured ? finish() : 1;
    }
    if (args.contains(QStringLiteral("--only-side-by-side"))) { // status, check, search beside the CLI
        if (!addSideBySideFigures(&bench, inspector, small.path, big.path, word, rounds))
            return 1;
        bench.printGoals();
        return finish();
    }

    // 1. Open to the first page of sessions, small vs big.
    for (const BenchDatabase::Spec *s : {&small, &big}) {
        QList<double> ours, cli;
        openToFirstSessionsPage(s->path); // warm the OS cache, as a second launch would be
        for (int i = 0; i < 5; ++i) {
            ours << openToFirstSessionsPage(s->path);
            cli << SqliteCli::run(s->path, QLatin1String(SessionsSql)).wallMs;
        }
        BenchFigure f{s == &small ? QStringLiteral("open_to_first_sessions_page_demo")
                                  : QStringLiteral("open_to_first_sessions_page_big"),
                      median(ours), QStringLiteral("ms"), median(cli),
                      QStringLiteral("median of 5; CLI = process wall time")};
        bench.add(f);
    }
    const double smallOpen = bench.figures.at(0).value, bigOpen = bench.figures.at(1).value;
    bench.add({QStringLiteral("open_big_vs_demo_ratio"), bigOpen / qMax(0.001, smallOpen),
               QStringLiteral("x"), -1, QStringLiteral("goal <= 1.5")});

    // 1b. The window's own first open (issue 12), cold and warm; then the headless commands and
    //     the search beside the CLI. All before the connection below opens: a cold run drops the
    //     files from the OS cache, which no connection of this process may have open.
    if (!addWindowFigures(&bench, small.path, big.path, rounds))
        return 1;
    if (!addSideBySideFigures(&bench, inspector, small.path, big.path, word, rounds))
        return 1;

    Connection c;
    if (!c.open({big.path}).result().ok())
        return 1;
    const SchemaInfo schema = c.run([](Database &db) { return SchemaInfo::read(db); }).result();
    const QString bigSession =
        c.run([](Database &db) {
             return db.scalar(QStringLiteral("SELECT session_id FROM messages WHERE id = 1")).toString();
         }).result();
    {
        // What clicking the Updated header costs: every session is sorted (no index to walk).
        ui::SessionsModel sessionsModel(&c);
        sessionsModel.setSchema(schema);
        QElapsedTimer t;
        t.start();
        waitFor(&sessionsModel, &ui::PagedModel::pageLoaded, t);
        QList<double> sorted;
        for (int i = 0; i < 5; ++i) {
            t.restart();
            sessionsModel.sort(i % 2 ? ui::SessionsModel::Created : ui::SessionsModel::Updated,
                               Qt::DescendingOrder);
            sorted << waitFor(&sessionsModel, &ui::PagedModel::pageLoaded, t);
        }
        bench.add({QStringLiteral("sessions_first_page_sorted_by_time_big"), median(sorted),
                   QStringLiteral("ms"),
                   cliPerQueryMs(
                       big.path,
                       QStringLiteral("SELECT s.id, s.name, p.name FROM sessions s LEFT JOIN personas p ON "
                                      "p.id = s.persona_id ORDER BY coalesce(s.updated_at, '') DESC, s.id "
                                      "DESC LIMIT 200;"),
                       5),
                   QStringLiteral("median of 5; after clicking the Updated or Created header")});
    }
    ui::MessagesModel model(&c);
    model.setSchema(schema);
    const int P = model.pageSize();

    // 2. First page of the 100,000-message session; then the jump to its last page.
    QList<double> firstPage, lastPage;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        model.setSession(bigSession);
        firstPage << waitFor(&model, &ui::PagedModel::pageLoaded, t);
        if (model.knownCount() < 0) {
            QElapsedTimer unused;
            unused.start();
            waitFor(&model, &ui::PagedModel::countChanged, unused);
        }
        const int last = int((model.knownCount() - 1) / P);
        t.restart();
        model.fetchPage(last);
        lastPage << waitFor(&model, &ui::PagedModel::pageLoaded, t);
    }
    bench.add(
        {QStringLiteral("first_page_large_session"), median(firstPage), QStringLiteral("ms"),
         cliPerQueryMs(big.path,
                       messagesSql(bigSession, QStringLiteral("ORDER BY m.created_at, m.id LIMIT 200")), 20),
         QStringLiteral("median of 5, %1 rows; goal < 10 ms").arg(P)});
    bench.add(
        {QStringLiteral("jump_to_last_page_large_session"), median(lastPage), QStringLiteral("ms"),
         cliPerQueryMs(
             big.path,
             messagesSql(bigSession, QStringLiteral("ORDER BY m.created_at DESC, m.id DESC LIMIT 200")), 20),
         QStringLiteral("median of 5; goal < 10 ms")});

    // 3. Scrolling through all 100,000 messages, one page after another.
    model.setSession(bigSession);
    {
        QElapsedTimer t;
        t.start();
        waitFor(&model, &ui::PagedModel::countChanged, t);
    }
    const int pages = int((model.knownCount() + P - 1) / P);
    QList<double> perPage;
    QElapsedTimer all;
    all.start();
    QVariantList middleKey;
    for (int p = 0; p < pages; ++p) {
        if (model.cachedRow(p * P))
            continue;
        QElapsedTimer t;
        t.start();
        model.fetchPage(p);
        perPage << waitFor(&model, &ui::PagedModel::pageLoaded, t);
        if (p == pages / 2)
            middleKey = model.keyOf(p * P - 1);
    }
    const double scrollTotal = all.nsecsElapsed() / 1e6;
    const QString afterMiddle =
        QStringLiteral("AND (m.created_at, m.id) > ('%1', %2) ORDER BY m.created_at, m.id LIMIT 200")
            .arg(middleKey.value(0).toString())
            .arg(middleKey.value(1).toLongLong());
    bench.add({QStringLiteral("scroll_page_fetch_median"), median(perPage), QStringLiteral("ms"),
               cliPerQueryMs(big.path, messagesSql(bigSession, afterMiddle), 20),
               QStringLiteral("%1 pages of %2; p95 %3 ms; goal < 5 ms")
                   .arg(perPage.size())
                   .arg(P)
                   .arg(percentile(perPage, 0.95), 0, 'f', 2)});
    bench.add({QStringLiteral("scroll_all_pages_total"), scrollTotal, QStringLiteral("ms"), -1,
               QStringLiteral("%1 rows").arg(model.knownCount())});

    // 4. Memory after that scroll: the cache is bounded, so the peak stays flat.
    bench.add({QStringLiteral("peak_rss_after_scrolling_large_session"), procStatusKb("VmHWM:") / 1024.0,
               QStringLiteral("MB"), -1,
               QStringLiteral("VmHWM; VmRSS now %1 MB; %2 pages cached, %3 anchors; goal < 100 MB")
                   .arg(procStatusKb("VmRSS:") / 1024.0, 0, 'f', 1)
                   .arg(model.cachedPages())
                   .arg(model.anchorCount())});

    for (const BenchFigure &f : TranscriptBench::measure(big.path, bigSession, rounds))
        bench.add(f);
    for (const BenchFigure &f : measurePriorityWait(big.path))
        bench.add(f);
    addHealthStripFigures(&bench, big.path, stripSeconds);
    for (const BenchFigure &f : measureLockWatch(inspector, lockSeconds, lockHolds))
        bench.add(f);
    {
        QTemporaryDir scratch;
        for (const BenchFigure &f : measureCancelLatency(big.path, scratch.path())) {
            bench.add(f);
            if (f.value >= 0) // no sample: the work ended before the cancel (a tiny database)
                bench.addGoal(f.name + QStringLiteral(" (ms)"), f.value, 1000);
        }
    }
    if (!addSearchIndexFigures(&bench, big.path, word, rounds)) // issue 24: the search index, last
        return 1;
    bench.printGoals();
    return finish();
}
