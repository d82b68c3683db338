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
        return tr("%1: not a lock recording: %2").arg(p.path, p.detail);
    case K::SaveOntoDatabase:
        return tr("%1: is the open database's own file; choose another name").arg(p.path);
    case K::CannotWrite:
        return tr("%1: cannot write: %2").arg(p.path, p.detail);
    }
    return QString();
}

} // namespace kalito
