#include "issue12figures.h"

#include "benchreport.h"
#include "headlessfigures.h"
#include "sidebyside.h"
#include "windowbench.h"

#include <algorithm>

namespace {

QString list(const QList<double> &v)
{
    QStringList s;
    for (double x : v)
        s << QString::number(x, 'f', 1);
    return s.join(QStringLiteral(", "));
}

bool failed(Bench *bench, const QString &what, const QString &error)
{
    if (error.isEmpty())
        return false;
    bench->out << what << ": " << error << Qt::endl;
    return true;
}

} // namespace

bool addWindowFigures(Bench *bench, const QString &demoPath, const QString &bigPath, int rounds)
{
    const int coldRuns = qMin(rounds, 3); // a cold run on the big database reads it from disk
    const WindowBench::Series demo = WindowBench::measure(demoPath, coldRuns, rounds);
    if (failed(bench, QStringLiteral("window on the demo database"), demo.error))
        return false;
    const WindowBench::Series big = WindowBench::measure(bigPath, coldRuns, rounds);
    if (failed(bench, QStringLiteral("window on the big database"), big.error))
        return false;
    for (const auto &[series, suffix] :
         {std::pair{&demo, QStringLiteral("demo")}, std::pair{&big, QStringLiteral("big")}}) {
        const QString dropped = series->residentAfterDrop >= 0
                                    ? QStringLiteral("; at most %1 % of the file still cached after the drop")
                                          .arg(100 * series->residentAfterDrop, 0, 'f', 1)
                                    : QString();
        bench->add({QStringLiteral("window_first_sessions_page_cold_ms_") + suffix, medianOf(series->cold),
                    QStringLiteral("ms"), -1,
                    QStringLiteral("median of %1 (%2); database, -wal, -shm dropped from the OS cache "
                                   "before each; connection idle after %3 ms%4")
                        .arg(series->cold.size())
                        .arg(list(series->cold))
                        .arg(medianOf(series->coldIdle), 0, 'f', 0)
                        .arg(dropped)});
        bench->add({QStringLiteral("window_first_sessions_page_warm_ms_") + suffix, medianOf(series->warm),
                    QStringLiteral("ms"), -1,
                    QStringLiteral("median of %1 (%2) after a warm-up run; connection idle after %3 ms")
                        .arg(series->warm.size())
                        .arg(list(series->warm))
                        .arg(medianOf(series->warmIdle), 0, 'f', 0)});
        bench->add({QStringLiteral("gui_longest_stall_ms_") + suffix, double(series->longestStallMs),
                    QStringLiteral("ms"), -1,
                    QStringLiteral("longest gap in a 5 ms GUI heartbeat, from the open until the "
                                   "connection is idle, over every run above; %1 ms before the first "
                                   "page was painted; %2 stalls of 100 ms or more")
                        .arg(series->longestStallToFirstPageMs)
                        .arg(series->stallsOver100Ms)});
    }
    const double ratio = medianOf(big.cold) / qMax(0.001, medianOf(demo.warm));
    bench->add({QStringLiteral("window_cold_big_vs_warm_demo_ratio"), ratio, QStringLiteral("x"), -1,
                QStringLiteral("goal <= 1.5")});
    bench->add({QStringLiteral("gui_longest_stall_ms"), double(qMax(demo.longestStallMs, big.longestStallMs)),
                QStringLiteral("ms"), -1,
                QStringLiteral("every window run, both databases (issue 12's heartbeat limit: 100 ms)")});
    bench->addGoal(QStringLiteral("window: first page of sessions, cold big within 1.5x of warm demo"), ratio,
                   1.5);
    return true;
}

bool addSideBySideFigures(Bench *bench, const QString &inspector, const QString &demoPath,
                          const QString &bigPath, const QString &word, int rounds)
{
    // status and check --quick beside the CLI: issue 21's figures (headlessfigures.cpp).
    if (!addHeadlessFigures(bench, inspector, demoPath, bigPath, rounds))
        return false;
    const SideBySide::Pair search = SideBySide::search(bigPath, word, rounds);
    if (failed(bench, QStringLiteral("search"), search.error))
        return false;
    bench->add({QStringLiteral("search_all_messages_ms_big"), search.oursMedian(), QStringLiteral("ms"),
                search.cliMedian(),
                QStringLiteral("SearchRunner start() to finished() vs the sqlite3 CLI's LIKE over all "
                               "messages (whole process), median of %1 interleaved; %2")
                    .arg(search.ours.size())
                    .arg(search.detail)});
    bench->add({QStringLiteral("search_vs_cli_ratio"), search.ratio(), QStringLiteral("x"), -1,
                QStringLiteral("goal <= 1.1")});
    bench->addGoal(QStringLiteral("search within 1.1x of the CLI's LIKE over all messages"), search.ratio(),
                   1.1);
    return true;
}
