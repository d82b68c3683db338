#pragma once

#include "lockhold.h"
#include "recordingfault.h"

#include <QJsonObject>
#include <QString>

namespace kalito {

// One change seen by `locks --watch`: a process took or let go of one SQLite lock. This is also
// one line of a recording (--jsonl, and the window's Save/Load), so the JSON form is a format.
struct LockTransition : LockHold
{
    enum Kind { Acquired, Released };

    Kind kind = Acquired;
    qint64 timeMs = 0; // wall clock, ms since the epoch, of the sample that saw the change
    // WAL frames (mxFrame, nBackfill) when the -shm header could be read and was valid.
    bool walKnown = false;
    quint32 mxFrame = 0;
    quint32 nBackfill = 0;
    // Released: ms between the sample that first saw the lock and the one that saw it gone.
    // The true hold lies within one sampling interval of it.
    qint64 heldMs = 0;
    // Acquired: already held when watching began (the true start is earlier).
    bool sinceStart = false;

    QJsonObject toJson() const;
    // Returns false (and says why) when the object is not a transition of this format.
    static bool fromJson(const QJsonObject &o, LockTransition *t, RecordingFault *why);
    QString toText() const; // one human line: LockReportText::transition
    static QString isoTime(qint64 ms);
};

} // namespace kalito
