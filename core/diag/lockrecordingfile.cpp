#include "lockrecordingfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

namespace kalito {

bool LockRecordingFile::isDatabaseFile(const QString &path, const QString &databasePath)
{
    if (databasePath.isEmpty())
        return false;
    struct stat target;
    if (::stat(QFile::encodeName(path).constData(), &target) != 0)
        return false;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        struct stat st;
        if (::stat(QFile::encodeName(databasePath + suffix).constData(), &st) == 0 &&
            st.st_dev == target.st_dev && st.st_ino == target.st_ino)
            return true;
    }
    return false;
}

bool LockRecordingFile::load(const QString &path, const QString &databasePath, LockRecording *out,
                             DbError *why)
{
    using K = DbError::Kind;
    using R = DbError::Reason;
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    *why = DbError();
    if (!info.exists()) {
        *why = DbError::make(K::NotFound, R::RecordingMissing, absolute);
        return false;
    }
    if (info.isDir()) {
        *why = DbError::make(K::NotARegularFile, R::RecordingIsFolder, absolute);
        return false;
    }
    if (isDatabaseFile(path, databasePath)) {
        *why = DbError::make(K::Unreadable, R::RecordingIsDatabase, absolute);
        return false;
    }
    if (info.size() > kMaxBytes) {
        *why = DbError::make(K::Unreadable, R::RecordingTooBig, absolute,
                             {QString::number(info.size()), QString::number(kMaxBytes / (1024 * 1024))});
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = DbError::make(K::Unreadable, R::RecordingUnreadable, absolute, {}, f.errorString());
        return false;
    }
    const QByteArray bytes = f.read(kMaxBytes + 1);
    LockRecording parsed;
    RecordingFault fault;
    if (!LockRecording::parse(bytes, &parsed, &fault)) {
        // Corrupt: what the file holds is not what it should; the fault travels in the arguments.
        *why = DbError::make(K::Corrupt, R::NotARecording, absolute, fault.toArgs(), fault.detail);
        return false;
    }
    *out = parsed;
    return true;
}

bool LockRecordingFile::save(const QString &path, const QString &databasePath, const LockRecording &recording,
                             DbError *why)
{
    using K = DbError::Kind;
    using R = DbError::Reason;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    *why = DbError();
    if (isDatabaseFile(path, databasePath)) {
        *why = DbError::make(K::AlreadyExists, R::RecordingOntoDatabase, absolute);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *why = DbError::make(K::Io, R::RecordingWriteFailed, absolute, {}, f.errorString());
        return false;
    }
    f.write(recording.toJsonLines());
    if (!f.commit()) {
        *why = DbError::make(K::Io, R::RecordingWriteFailed, absolute, {}, f.errorString());
        return false;
    }
    return true;
}

} // namespace kalito
