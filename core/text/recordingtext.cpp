#include "recordingtext.h"

namespace kalito {

QString RecordingText::problem(const LockRecordingFile::Problem &p)
{
    using K = LockRecordingFile::Problem::Kind;
    switch (p.kind) {
    case K::None:
        return QString();
    case K::Missing:
        return tr("%1: no such file").arg(p.path);
    case K::IsFolder:
        return tr("%1: is a folder, not a recording").arg(p.path);
    case K::IsDatabase:
        return tr("%1: is the open database's own file, not a lock recording").arg(p.path);
    case K::TooBig:
        return tr("%1: %2 bytes, more than a recording can hold (%3 MB at most)")
            .arg(p.path)
            .arg(p.bytes)
            .arg(LockRecordingFile::kMaxBytes / (1024 * 1024));
    case K::CannotRead:
        return tr("%1: cannot read: %2").arg(p.path, p.detail);
    case K::NotARecording:
        return tr("%1: not a lock recording: %2").arg(p.path, fault(p.fault));
    case K::SaveOntoDatabase:
        return tr("%1: is the open database's own file; choose another name").arg(p.path);
    case K::CannotWrite:
        return tr("%1: cannot write: %2").arg(p.path, p.detail);
    }
    return QString();
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
