#pragma once

#include <QString>

namespace kalito {

// What is wrong with a line of a lock recording (LockTransition::fromJson, LockRecording::parse):
// a code and the facts, worded by RecordingText in the reader's language.
struct RecordingFault
{
    enum class Kind {
        None,
        NotJson,          // detail: the JSON parser's words, at `offset`
        NotAnObject,      // a JSON value that is not an object
        UnknownEvent,     // value: the event
        NotANumber,       // field: missing or not a number
        OutOfRange,       // field, value: the number
        Missing,          // field: missing or empty
        BadFile,          // value: what "file" said (only "db" and "shm" are files)
        ReleaseNeedsHeld, // a released event without "held_ms" >= 0
        NoEvents          // the recording holds no lock event at all
    };
    Kind kind = Kind::None;
    int line = 0; // 1-based; 0: the recording as a whole
    QString field;
    QString value;
    QString detail;
    qint64 offset = 0;

    bool isFault() const { return kind != Kind::None; }
};

} // namespace kalito
