#include "recordingtext.h"

namespace kalito {

QString RecordingText::reason(const DbError &error)
{
    using R = DbError::Reason;
    switch (error.reason) {
    case R::RecordingMissing:
        return tr("no such file");
    case R::RecordingIsFolder:
        return tr("is a folder, not a recording");
    case R::RecordingIsDatabase:
        return tr("is the open database's own file, not a lock recording");
    case R::RecordingTooBig:
        return tr("%1 bytes, more than a recording can hold (%2 MB at most)")
            .arg(error.args.value(0), error.args.value(1));
    case R::RecordingUnreadable:
        return tr("cannot read: %1").arg(error.detail);
    case R::NotARecording:
        return tr("not a lock recording: %1").arg(fault(RecordingFault::fromArgs(error.args, error.detail)));
    case R::RecordingOntoDatabase:
        return tr("is the open database's own file; choose another name");
    case R::RecordingWriteFailed:
        return tr("cannot write: %1").arg(error.detail);
    default:
        return error.detail;
    }
}

QString RecordingText::fault(const RecordingFault &f)
{
    using K = RecordingFault::Kind;
    QString what;
    switch (f.kind) {
    case K::None:
        return QString();
    case K::NotJson:
        what = tr("not JSON (%1 at character %2)").arg(f.detail).arg(f.offset);
        break;
    case K::NotAnObject:
        what = tr("not a JSON object");
        break;
    case K::UnknownEvent:
        what = tr("unknown event \"%1\"").arg(f.value);
        break;
    case K::NotANumber:
        what = tr("\"%1\" is missing or not a number").arg(f.field);
        break;
    case K::OutOfRange:
        what = tr("\"%1\" is out of range (%2)").arg(f.field, f.value);
        break;
    case K::Missing:
        what = tr("\"%1\" is missing or empty").arg(f.field);
        break;
    case K::BadFile:
        what = tr("\"file\" must be \"db\" or \"shm\", not \"%1\"").arg(f.value);
        break;
    case K::ReleaseNeedsHeld:
        what = tr("a released event needs \"held_ms\" >= 0");
        break;
    case K::NoEvents:
        return tr("it holds no lock events (an empty recording)");
    }
    return f.line > 0 ? tr("line %1: %2").arg(f.line).arg(what) : what;
}

} // namespace kalito
