#pragma once

#include <QString>
#include <QStringList>

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

    // Carried by a DbError (Reason::NotARecording) as its arguments, with `detail` as the error's
    // detail, so that a recording that cannot be loaded is one error value like any other and
    // RecordingText still words exactly what the parser found: kind, line, field, value, offset.
    QStringList toArgs() const
    {
        return {QString::number(int(kind)), QString::number(line), field, value, QString::number(offset)};
    }
    static RecordingFault fromArgs(const QStringList &args, const QString &detail)
    {
        RecordingFault f;
        f.kind = Kind(args.value(0).toInt());
        f.line = args.value(1).toInt();
        f.field = args.value(2);
        f.value = args.value(3);
        f.offset = args.value(4).toLongLong();
        f.detail = detail;
        return f;
    }
};

} // namespace kalito
