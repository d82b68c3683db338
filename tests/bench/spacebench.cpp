#include "spacebench.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <vector>

extern char **environ;

namespace {

struct Run
{
    double ms = -1;
    double peakMiB = -1;
    QByteArray out;
};

// One whole process: wall time from spawn to exit, and its own peak RSS as GNU time reports it
// (time is a small process of its own: wait4 on a child spawned from this one would count this
// process's memory too, which Linux carries into the child's high-water mark across exec).
Run measured(const QString &program, const QStringList &arguments, const QString &outputFile)
{
    const QString rssFile = outputFile + QStringLiteral(".rss");
    std::vector<QByteArray> storage;
    storage.push_back(QByteArrayLiteral("/usr/bin/time"));
    storage.push_back(QByteArrayLiteral("-f"));
    storage.push_back(QByteArrayLiteral("%M"));
    storage.push_back(QByteArrayLiteral("-o"));
    storage.push_back(rssFile.toLocal8Bit());
    storage.push_back(program.toLocal8Bit());
    for (const QString &a : arguments)
        storage.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &b : storage)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray out = outputFile.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 1, out.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    Run r;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return r;
    }
    int status = 0;
    struct rusage usage = {};
    if (wait4(pid, &status, 0, &usage) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return r;
    }
    r.ms = double(timer.nsecsElapsed()) / 1e6;
    QFile rss(rssFile);
    if (rss.open(QIODevice::ReadOnly))
        r.peakMiB = rss.readAll().trimmed().split('\n').last().toDouble() / 1024.0;
    posix_spawn_file_actions_destroy(&actions);
    QFile f(outputFile);
    if (f.open(QIODevice::ReadOnly))
        r.out = f.readAll();
    return r;
}

} // namespace

QList<BenchFigure> measureSpaceReport(const QString &inspector, const QString &path, int rounds)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    QList<double> analyzerMs, analyzerRss, treesMs, treesRss, fullMs, fullRss, longestTrees, longestFull;
    QString longestWhat;
    auto longest = [](const QByteArray &json, QString *what) {
        const QJsonObject scan =
            QJsonDocument::fromJson(json).object().value(QStringLiteral("scan")).toObject();
        if (what)
            *what = scan.value(QStringLiteral("longest_step")).toString();
        return scan.value(QStringLiteral("longest_step_ms")).toDouble(-1);
    };
    // One untimed run of each first: the file in the OS cache for both, as on a second look.
    measured(QStringLiteral("sqlite3_analyzer"), {path}, out);
    measured(inspector, {QStringLiteral("space"), QStringLiteral("--json"), path}, out);
    for (int i = 0; i < rounds; ++i) {
        const Run a = measured(QStringLiteral("sqlite3_analyzer"), {path}, out);
        // The same work as the analyzer: every b-tree, no message scan.
        const Run t = measured(inspector,
                               {QStringLiteral("space"), QStringLiteral("--json"),
                                QStringLiteral("--by-session"), QStringLiteral("0"), path},
                               out);
        const Run f = measured(inspector, {QStringLiteral("space"), QStringLiteral("--json"), path}, out);
        if (a.ms < 0 || t.ms < 0 || f.ms < 0)
            return {};
        analyzerMs << a.ms;
        analyzerRss << a.peakMiB;
        treesMs << t.ms;
        treesRss << t.peakMiB;
        fullMs << f.ms;
        fullRss << f.peakMiB;
        longestTrees << longest(t.out, &longestWhat);
        longestFull << longest(f.out, nullptr);
    }
    // What the process weighs before it reads anything (Qt and its libraries): the floor under
    // the report's peak RSS, against sqlite3_analyzer's floor (its Tcl) on a one-page file.
    const QString tiny = dir.filePath(QStringLiteral("tiny.db"));
    QProcess::execute(QStringLiteral("sqlite3"), {tiny, QStringLiteral("CREATE TABLE t(x);")});
    const Run ourFloor = measured(inspector, {QStringLiteral("space"), QStringLiteral("--json"), tiny}, out);
    const Run theirFloor = measured(QStringLiteral("sqlite3_analyzer"), {tiny}, out);
    const QString note =
        QStringLiteral("median of %1, whole processes, interleaved; \"sqlite3 CLI\" = sqlite3_analyzer")
            .arg(rounds);
    return {
        {QStringLiteral("space_report_btrees_ms"), medianOf(treesMs), QStringLiteral("ms"),
         medianOf(analyzerMs), note},
        {QStringLiteral("space_report_btrees_peak_rss"), medianOf(treesRss), QStringLiteral("MiB"),
         medianOf(analyzerRss), note},
        {QStringLiteral("space_report_with_top_sessions_ms"), medianOf(fullMs), QStringLiteral("ms"),
         medianOf(analyzerMs), note + QStringLiteral("; also sums message text per session")},
        {QStringLiteral("space_report_with_top_sessions_peak_rss"), medianOf(fullRss), QStringLiteral("MiB"),
         medianOf(analyzerRss), note},
        {QStringLiteral("space_report_floor_peak_rss"), ourFloor.peakMiB, QStringLiteral("MiB"),
         theirFloor.peakMiB, QStringLiteral("both on a one-page file: the process before the work")},
        {QStringLiteral("space_report_longest_read_step_ms"), medianOf(longestTrees), QStringLiteral("ms"),
         -1, QStringLiteral("one dbstat walk of %1: the longest snapshot held").arg(longestWhat)},
        {QStringLiteral("space_report_with_top_sessions_longest_step_ms"), medianOf(longestFull),
         QStringLiteral("ms"), -1, QStringLiteral("message chunks are sized to ~20 ms")},
    };
}
