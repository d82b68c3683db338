#include "checkpointresult.h"

#include "checkpointtext.h"
#include "lockholders.h"

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
    // The holders as `locks --json` writes them (LockHolders::toJson): one definition.
    if (blockedByLooked)
        o.insert(QStringLiteral("blocked_by"), LockHolders::toJson(blockedBy));
    return o;
}

QString CheckpointResult::toText() const
{
    return CheckpointText::result(*this);
}

} // namespace kalito
