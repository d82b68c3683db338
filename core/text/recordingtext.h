#pragma once

#include "lockrecordingfile.h"

#include <QCoreApplication>

namespace kalito {

// Why a lock recording was not loaded or saved, in words (the lock timeline's message box), and
// what is wrong with one of its lines (LockRecording::parse, the live watcher's feed).
class RecordingText
{
    Q_DECLARE_TR_FUNCTIONS(RecordingText)
public:
    static QString problem(const LockRecordingFile::Problem &problem);
    static QString fault(const RecordingFault &fault);
};

} // namespace kalito
