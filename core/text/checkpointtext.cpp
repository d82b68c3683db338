#include "checkpointtext.h"
#include "textlocale.h"

#include <QLocale>

namespace kalito {

QString CheckpointText::result(const CheckpointResult &r)
{
    QString out;
    auto line = [&out](const QString &key, const QString &value) {
        out += key.leftJustified(22) + value + QLatin1Char('\n');
    };
    line(tr("mode"), CheckpointResult::modeName(r.mode).toUpper());
    line(tr("busy"), r.busy ? tr("1 (could not finish: a reader or writer held on)") : QStringLiteral("0"));
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
    if (!r.walMode)
        out += tr("the database is not in WAL mode: there is nothing to checkpoint") + QLatin1Char('\n');
    return out;
}

} // namespace kalito
