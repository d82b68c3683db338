#pragma once

#include "dberror.h"
#include "recordingfault.h"

#include <QCoreApplication>

namespace kalito {

// Why a lock recording was not loaded or saved, in words (LockRecordingFile's DbError reasons,
// which ErrorText::reason hands here), and what is wrong with one of its lines
// (LockRecording::parse, the live watcher's feed).
class RecordingText
{
    Q_DECLARE_TR_FUNCTIONS(RecordingText)
public:
    // The reason alone of a DbError::Reason::Recording* or NotARecording; ErrorText::describe puts
    // the recording's path before it.
    static QString reason(const DbError &error);
    static QString fault(const RecordingFault &fault);
};

} // namespace kalito
