#pragma once

#include <QMetaType>
#include <QString>

namespace kalito {

// What closing the connection did, for the log.
struct CloseReport
{
    // Why that mode was chosen, or why none ran (OpenText::closeWhy words it).
    enum class Why { NotOpen, ReadOnly, KeptWal, NotWal, Alone, OthersOpen, CannotTell };
    QString checkpointMode; // "truncate", "passive" or empty when no checkpoint ran
    Why why = Why::NotOpen;
    int others = 0; // OthersOpen: how many other processes have the database open
    int busy = -1;
    int logFrames = -1;
    int checkpointedFrames = -1;
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::CloseReport)
