#include "ftsbench.h"

#include "benchreport.h"
#include "connection.h"
#include "searchindexbuilder.h"
#include "searchindexfile.h"
#include "searchrunner.h"
#include "sqlfragment.h"
#include "sqlitecli.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>

#include <sys/resource.h>

using namespace kalito;

namespace {

struct Searched
{
    double ms = -1;
    int hits = 0;
    IndexedSearch::Use use = IndexedSearch::Use::Scan;
};

Searched timeSearch(Connection &c, const QString &word, bool withIndex)
{
    SearchRunner runner(&c);
    runner.setIndexEnabled(withIndex);
    Searched s;
    QObject::connect(&runner, &SearchRunner::resultsFound, &runner,
                     [&s](const QList<SearchHit> &h) { s.hits += int(h.size()); });
    QEventLoop loop;
    bool failed = false;
    QObject::connect(&runner, &SearchRunner::finished, &loop, [&](bool cancelled, const DbError &error) {
        failed = cancelled || error.isError();
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    runner.start(word);
    loop.exec();
    s.ms = failed ? -1.0 : t.nsecsElapsed() / 1e6;
    s.use = runner.indexUse();
    return s;
}

// CPU seconds of the whole process so far (every thread: the build runs on the connection's).
double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

} // namespace

bool addSearchIndexFigures(Bench *bench, const QString &path, const QString &word, int rounds)
{
    const QString indexPath = SearchIndexFile::pathFor(path);
    SearchIndexFile::remove(indexPath);
    Connection c;
    if (!c.open({path}).result().ok()) {
        bench->add(
            BenchFigure::missing(QStringLiteral("fts_build_ms"), QStringLiteral("cannot open ") + path));
        return false;
    }
    // 1. One full scan (the search as without the index), warm, median of the rounds; the CLI's LIKE beside
    // it.
    const QString cliSql =
        QStringLiteral("SELECT m.id FROM messages m WHERE m.text LIKE '%1' ESCAPE '\\';")
            .arg(SqlFragment::likeContains(word).replace(QLatin1Char('\''), QStringLiteral("''")));
    timeSearch(c, word, false);
    QList<double> scans, cli, scanCpu;
    int scanHits = 0;
    for (int i = 0; i < rounds; ++i) {
        const double cpu = processCpuSeconds();
        const Searched s = timeSearch(c, word, false);
        scanCpu << processCpuSeconds() - cpu;
        scans << s.ms;
        scanHits = s.hits;
        cli << SqliteCli::run(path, cliSql).queryMs;
    }
    const double scanMs = medianOf(scans);
    bench->add({QStringLiteral("fts_search_without_index_ms"), scanMs, QStringLiteral("ms"), medianOf(cli),
                QStringLiteral("'%1': %2 hits, median of %3, CPU %4 s; CLI = its LIKE statement (.timer)")
                    .arg(word)
                    .arg(scanHits)
                    .arg(rounds)
                    .arg(medianOf(scanCpu), 0, 'f', 2)});

    // 2. The estimate shown before a build, then the build (once: it is long), through the builder
    //    the window uses (Background steps of ~20 ms).
    const SearchIndexEstimate estimate =
        c.run([](Database &db) { return SearchIndexBuild::estimate(db); }).result();
    SearchIndexBuilder builder(&c);
    QEventLoop loop;
    SearchIndexInfo built;
    DbError buildError;
    QObject::connect(&builder, &SearchIndexBuilder::finished, &loop,
                     [&](const SearchIndexInfo &info, bool, const DbError &e) {
                         built = info;
                         buildError = e;
                         loop.quit();
                     });
    QElapsedTimer t;
    const double cpuBefore = processCpuSeconds();
    t.start();
    builder.build(true);
    loop.exec();
    const double buildMs = t.nsecsElapsed() / 1e6;
    const double buildCpu = processCpuSeconds() - cpuBefore;
    if (buildError.isError() || built.state != SearchIndexInfo::State::Ready) {
        bench->add(BenchFigure::missing(QStringLiteral("fts_build_ms"), buildError.toString()));
        return false;
    }
    bench->add(
        {QStringLiteral("fts_build_ms"), buildMs, QStringLiteral("ms"), -1,
         QStringLiteral("%1 messages in %2 steps, longest step %3 ms, CPU %4 s; estimated beforehand %5 ms")
             .arg(built.indexedRows)
             .arg(builder.stepsRun())
             .arg(builder.longestStepMs())
             .arg(buildCpu, 0, 'f', 1)
             .arg(estimate.buildMs)});
    bench->add({QStringLiteral("fts_build_vs_scan_ratio"), buildMs / qMax(0.001, scanMs), QStringLiteral("x"),
                -1, QStringLiteral("goal <= 3")});
    bench->addGoal(QStringLiteral("search index built within 3x one full LIKE scan"),
                   buildMs / qMax(0.001, scanMs), 3.0);
    const double mib = 1024.0 * 1024.0;
    bench->add({QStringLiteral("fts_index_size_mib"), built.fileBytes / mib, QStringLiteral("MiB"), -1,
                QStringLiteral("%1 of the database's %2 MiB; estimated beforehand %3 MiB (text %4 MiB)")
                    .arg(double(built.fileBytes) / qMax<qint64>(1, QFileInfo(path).size()), 0, 'f', 2)
                    .arg(QFileInfo(path).size() / mib, 0, 'f', 1)
                    .arg(estimate.indexBytes / mib, 0, 'f', 1)
                    .arg(estimate.textBytes / mib, 0, 'f', 1)});

    // 3. The same search through the index: warm, median of the rounds, the same hits.
    timeSearch(c, word, true);
    QList<double> indexed;
    Searched last;
    for (int i = 0; i < rounds; ++i) {
        last = timeSearch(c, word, true);
        indexed << last.ms;
    }
    const double indexedMs = medianOf(indexed);
    const bool same = last.hits == scanHits && last.use == IndexedSearch::Use::Index;
    bench->add({QStringLiteral("fts_search_with_index_ms"), indexedMs, QStringLiteral("ms"), -1,
                QStringLiteral("'%1': %2 hits (%3), median of %4")
                    .arg(word)
                    .arg(last.hits)
                    .arg(same ? QStringLiteral("the scan's count, through the index")
                              : QStringLiteral("NOT the scan's, or not through the index"))
                    .arg(rounds)});
    bench->addGoal(QStringLiteral("search through the index under 200 ms"), indexedMs, 200);
    c.close().result();
    SearchIndexFile::remove(indexPath);
    return same;
}
