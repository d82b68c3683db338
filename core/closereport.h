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

    // Why as a code for the log ("others-open 2"): the log is written in one language whatever
    // the window's; OpenText::closeWhy words it for people.
    QString whyCode() const
    {
        switch (why) {
        case Why::NotOpen:
            return QStringLiteral("not-open");
        case Why::ReadOnly:
            return QStringLiteral("read-only");
        case Why::KeptWal:
            return QStringLiteral("kept-wal");
        case Why::NotWal:
            return QStringLiteral("not-wal");
        case Why::Alone:
            return QStringLiteral("alone");
        case Why::OthersOpen:
            return QStringLiteral("others-open %1").arg(others);
        case Why::CannotTell:
            return QStringLiteral("cannot-tell");
        }
        return QString();
    }
};

} // namespace kalito

Q_DECLARE_METATYPE(kalito::CloseReport)
