#include "checkpointresult.h"

#include <QLocale>

namespace kalito {

QString CheckpointResult::modeName(CheckpointMode mode)
{
    switch (mode) {
    case CheckpointMode::Passive:
        return QStringLiteral("passive");
    case CheckpointMode::Full:
        return QStringLiteral("full");
    case CheckpointMode::Restart:
        return QStringLiteral("restart");
    case CheckpointMode::Truncate:
        return QStringLiteral("truncate");
    }
    return QString();
}

bool CheckpointResult::parseMode(const QString &name, CheckpointMode *mode)
{
    for (CheckpointMode m :
         {CheckpointMode::Passive, CheckpointMode::Full, CheckpointMode::Restart, CheckpointMode::Truncate}) {
        if (name.compare(modeName(m), Qt::CaseInsensitive) == 0) {
            *mode = m;
            return true;
        }
    }
    return false;
}

QJsonObject CheckpointResult::toJson() const
{
    QJsonObject o{{QStringLiteral("mode"), modeName(mode)},
                  {QStringLiteral("busy"), busy ? 1 : 0},
                  {QStringLiteral("log_frames"), logFrames},
                  {QStringLiteral("checkpointed_frames"), checkpointedFrames},
                  {QStringLiteral("wal_bytes_before"), walBytesBefore},
                  {QStringLiteral("wal_bytes_after"), walBytesAfter},
                  {QStringLiteral("elapsed_ms"), elapsedMs},
                  {QStringLiteral("cancelled"), cancelled}};
    if (error.isError())
        o.insert(QStringLiteral("error"), error.toString());
    return o;
}

QString CheckpointResult::toText() const
{
    QString out;
    auto line = [&out](const QString &key, const QString &value) {
        out += key.leftJustified(22) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("mode"), modeName(mode).toUpper());
    line(QStringLiteral("busy"),
         busy ? QStringLiteral("1 (could not finish: a reader or writer held on)") : QStringLiteral("0"));
    line(QStringLiteral("log frames"), QString::number(logFrames));
    line(QStringLiteral("checkpointed frames"), QString::number(checkpointedFrames));
    // Sizes as everywhere else (KiB/MiB), with the exact count for scripts and comparisons.
    auto size = [](qint64 bytes) {
        const QString shown = QLocale::c().formattedDataSize(bytes);
        return bytes < 1024 ? shown : QStringLiteral("%1 (%2 bytes)").arg(shown).arg(bytes);
    };
    line(QStringLiteral("-wal before"), size(walBytesBefore));
    line(QStringLiteral("-wal after"), size(walBytesAfter));
    line(QStringLiteral("elapsed"), QStringLiteral("%1 ms").arg(elapsedMs));
    if (cancelled)
        line(QStringLiteral("cancelled"), QStringLiteral("yes: stopped waiting"));
    if (!walMode)
        out += QStringLiteral("the database is not in WAL mode: there is nothing to checkpoint\n");
    return out;
}

} // namespace kalito
