#pragma once

#include <QMetaType>
#include <QString>

namespace kalito {

// What closing the connection did, for the log.
struct CloseReport
{
    QString checkpointMode; // "truncate", "passive" or empty when no checkpoint ran
    QString why;            // why that mode was chosen, or why none ran
    int busy = -1;
    int logFrames = -1;
    int checkpointedFrames = -1;
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::CloseReport)
