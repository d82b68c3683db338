#include "lockreporttext.h"

#include "lockholdsummary.h"
#include "lockreport.h"
#include "locktransition.h"

#include <QDateTime>

namespace kalito {

namespace {

QString mode(bool write)
{
    return write ? LockReportText::tr("write") : LockReportText::tr("read");
}

} // namespace

QString LockReportText::report(const LockReport &r)
{
    QString out = QStringLiteral("%1 (%2)\n").arg(r.path, r.walMode ? tr("WAL") : tr("rollback journal"));
    out += tr("\nprocesses with the files open (locks from %1)\n")
               .arg(r.fromProbe() ? QStringLiteral("fcntl(F_GETLK)") : QStringLiteral("/proc/locks"));
    if (r.processes.isEmpty())
        out += tr("  (none found)\n");
    for (const ProcessInfo &p : r.processes) {
        out +=
            QStringLiteral("  %1 %2 %3 %4%5\n")
                .arg(p.pid, 8)
                .arg((p.pid == r.selfPid ? tr("this inspector") : (p.cmdline.isEmpty() ? p.name : p.cmdline))
                         .leftJustified(16),
                     p.user.leftJustified(10), p.files.join(QLatin1Char(',')),
                     p.filesKnown ? QString() : tr(" (seen through its locks)"));
    }
    out += tr("\nlocks\n");
    if (r.locks.isEmpty())
        out += tr("  (none)\n");
    for (const LockReport::Lock &l : r.locks) {
        out += QStringLiteral("  %1 %2 %3 %4 %5\n")
                   .arg(l.pid, 8)
                   .arg((l.self ? tr("this inspector") : l.name).leftJustified(16), l.file.leftJustified(4),
                        l.lock.leftJustified(11), mode(l.write));
    }
    out += tr("\ndiagnosis\n");
    for (const QString &s : r.diagnosis())
        out += QStringLiteral("  - ") + s + QLatin1Char('\n');
    return out;
}

QString LockReportText::transition(const LockTransition &t)
{
    const QString when = QDateTime::fromMSecsSinceEpoch(t.timeMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    const QString wal =
        t.walKnown ? tr("; WAL %1 frames, %2 backfilled").arg(t.mxFrame).arg(t.nBackfill) : QString();
    const QString who =
        tr("pid %1 %2%3")
            .arg(t.pid)
            .arg(t.cmdline, t.user.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(t.user));
    const QString what =
        tr("%1 (%2) on %3")
            .arg(t.lock, mode(t.write),
                 t.file == QLatin1String("shm") ? QStringLiteral("-shm") : tr("the database"));
    if (t.kind == LockTransition::Acquired)
        return tr("%1 acquired %2, %3%4%5")
            .arg(when, what, who, t.sinceStart ? tr(" (already held when watching began)") : QString(), wal);
    return tr("%1 released %2 after %3 ms, %4%5").arg(when, what).arg(t.heldMs).arg(who, wal);
}

QString LockReportText::holdSummary(const LockHoldSummary &summary, int samples, qint64 watchedMs)
{
    QString out = tr("\nsummary: watched %1 s, %2 samples; longest holds per process and lock\n")
                      .arg(double(watchedMs) / 1000.0, 0, 'f', 1)
                      .arg(samples);
    const QList<LockHoldSummary::Entry> list = summary.entries();
    if (list.isEmpty())
        out += tr("  (no lock was seen)\n");
    for (const LockHoldSummary::Entry &e : list) {
        QString note;
        if (e.stillHeld)
            note = tr(" (still held at the end: at least)");
        else if (e.sinceStart)
            note = tr(" (held before watching began: at least)");
        out += tr("  %1 ms  %2 (%3) on %4  pid %5 %6  %7 hold(s), %8 ms in all%9\n")
                   .arg(e.longestMs, 8)
                   .arg(e.lock, mode(e.write),
                        e.file == QLatin1String("shm") ? QStringLiteral("-shm") : QStringLiteral("db"))
                   .arg(e.pid)
                   .arg(e.cmdline)
                   .arg(e.holds)
                   .arg(e.totalMs)
                   .arg(note);
    }
    return out;
}

} // namespace kalito
