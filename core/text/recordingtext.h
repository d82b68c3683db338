#pragma once

#include "lockrecordingfile.h"

#include <QCoreApplication>

namespace kalito {

// Why a lock recording was not loaded or saved, in words (the lock timeline's message box).
// What the parser found (LockRecording::parse) stays as it says it, like SQLite's own words.
class RecordingText
{
    Q_DECLARE_TR_FUNCTIONS(RecordingText)
public:
    static QString problem(const LockRecordingFile::Problem &problem);
};

} // namespace kalito
