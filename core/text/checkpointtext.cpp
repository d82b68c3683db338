#include "checkpointtext.h"
#include "textlocale.h"

#include "locktext.h"

#include <QLocale>

namespace kalito {

QString CheckpointText::duration(qint64 ms)
{
    return ms >= 1000 && ms % 1000 == 0 ? tr("%1 s").arg(ms / 1000) : tr("%1 ms").arg(ms);
}

QString CheckpointText::blocker(const LockFinding &f)
{
    // The history of the look before the checkpoint: seen then and after means held throughout.
    const QString since =
        f.heldForMs >= 0
            ? tr("held since before the checkpoint began (at least %1)").arg(duration(f.heldForMs))
            : tr("seen when it gave up");
    return tr("%1, %2").arg(LockText::brief(f), since);
}

QString CheckpointText::blockedBy(const CheckpointResult &r)
{
    if (!r.blockedByLooked)
        return QString();
    if (r.blockedBy.isEmpty())
        return tr("no process was seen holding a lock it waits for when it was looked at (the holder "
                  "may have finished just before)");
    QStringList who;
    for (const LockFinding &f : r.blockedBy)
        who.append(blocker(f));
    return (r.busy ? tr("gave up waiting for %1") : tr("stopped short because of %1"))
        .arg(LockText::joinNames(who));
}

QString CheckpointText::result(const CheckpointResult &r)
{
    QString out;
    auto line = [&out](const QString &key, const QString &value) {
        out += key.leftJustified(22) + value + QLatin1Char('\n');
    };
    line(tr("mode"), CheckpointResult::modeName(r.mode).toUpper());
    line(tr("busy"), r.busy ? tr("1 (could not finish: see blocked by)") : QStringLiteral("0"));
    line(tr("log frames"), QString::number(r.logFrames));
    line(tr("checkpointed frames"), QString::number(r.checkpointedFrames));
    // Sizes as everywhere else (KiB/MiB), with the exact count for scripts and comparisons.
    auto size = [](qint64 bytes) {
        const QString shown = TextLocale::get().formattedDataSize(bytes);
        return bytes < 1024 ? shown : tr("%1 (%2 bytes)").arg(shown, TextLocale::get().toString(bytes));
    };
    line(tr("-wal before"), size(r.walBytesBefore));
    line(tr("-wal after"), size(r.walBytesAfter));
    line(tr("elapsed"), tr("%1 ms").arg(r.elapsedMs));
    if (r.cancelled)
        line(tr("cancelled"), tr("yes: stopped waiting"));
    if (r.blockedByLooked) {
        if (r.blockedBy.isEmpty())
            line(tr("blocked by"),
                 tr("nobody seen when it was looked at (the holder may have just finished)"));
        for (const LockFinding &f : r.blockedBy)
            line(tr("blocked by"), blocker(f));
    }
    if (!r.walMode)
        out += tr("the database is not in WAL mode: there is nothing to checkpoint") + QLatin1Char('\n');
    return out;
}

QString CheckpointText::wouldWait(const QList<LockFinding> &blockers, CheckpointMode mode, int waitMs,
                                  bool known)
{
    const QString name = CheckpointResult::modeName(mode).toUpper();
    if (!known)
        return tr("Who it would wait for is not known yet: the first look at the locks has not answered.");
    if (blockers.isEmpty())
        return tr("Nobody holds a lock a %1 checkpoint would wait for right now.").arg(name);
    QStringList lines;
    for (const LockFinding &f : blockers)
        lines.append(tr("%1: %2 will wait up to %3 for it.").arg(LockText::brief(f), name, duration(waitMs)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace kalito
