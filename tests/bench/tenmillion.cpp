#include "tenmillion.h"

#include "benchreport.h"
#include "issue12figures.h"
#include "transcriptbench.h"
#include "windowbench.h"

#include <QFile>

namespace {

qint64 vmHwmKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

bool addTenMillionFigures(Bench *bench, const QString &inspector, const QString &demoPath,
                          const QString &bigPath, const QString &largeSession, const QString &word,
                          int rounds, int readSeconds)
{
    // First: what a cold open reads, before any other run of this process has warmed anything.
    const WindowBench::ColdRead cold = WindowBench::readAfterColdOpen(bigPath, readSeconds);
    if (!cold.error.isEmpty()) {
        bench->out << "cold read: " << cold.error << Qt::endl;
        return false;
    }
    QStringList along;
    for (const auto &[second, bytes] : cold.readAt)
        along << QStringLiteral("%1 MB after %2 s").arg(bytes / 1e6, 0, 'f', 1).arg(second);
    const qint64 read = cold.readAt.isEmpty() ? -1 : cold.readAt.last().second;
    const double share = 100.0 * double(read) / double(qMax<qint64>(1, cold.fileBytes));
    bench->add(
        {QStringLiteral("window_read_after_cold_open_percent_10m"), share, QStringLiteral("%"), -1,
         QStringLiteral("read_bytes of /proc/self/io in the %1 s after a cold open of the window: %2 MB of "
                        "a %3 MB file (%4); first page of sessions at %5 ms, every exact count in at %6 "
                        "ms (the overview's report), connection last busy at %7 ms; at most %8 % of the "
                        "file still cached after the drop; goal < 15 %")
             .arg(readSeconds)
             .arg(read / 1e6, 0, 'f', 1)
             .arg(cold.fileBytes / 1e6, 0, 'f', 1)
             .arg(along.join(QStringLiteral(", ")))
             .arg(cold.firstPageMs, 0, 'f', 0)
             .arg(cold.countsInMs, 0, 'f', 0)
             .arg(cold.idleMs, 0, 'f', 0)
             .arg(100 * cold.residentAfterDrop, 0, 'f', 1)});
    bench->add(
        {QStringLiteral("window_every_count_in_after_cold_open_ms_10m"), cold.countsInMs,
         QStringLiteral("ms"), -1,
         QStringLiteral("from constructing the window to the overview's report with every table's exact "
                        "count; < 0: not within %1 s")
             .arg(readSeconds)});
    bench->addGoal(
        QStringLiteral("window reads under 15 % of the file in the %1 s after a cold open").arg(readSeconds),
        share, 15);
    if (!addWindowFigures(bench, demoPath, bigPath, rounds))
        return false;
    if (!addSideBySideFigures(bench, inspector, demoPath, bigPath, word, rounds))
        return false;
    for (const BenchFigure &f : TranscriptBench::measure(bigPath, largeSession, rounds))
        bench->add(f);
    bench->add(
        {QStringLiteral("peak_rss_mb_10m"), vmHwmKb() / 1024.0, QStringLiteral("MB"), -1,
         QStringLiteral("VmHWM of the benchmark's process: every window and conversation above ran in it")});
    return true;
}
