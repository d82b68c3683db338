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
                             Problem *why)
{
    *why = Problem{Problem::Kind::None, QFileInfo(path).absoluteFilePath(), 0, QString(), RecordingFault()};
    const QFileInfo info(path);
    if (!info.exists()) {
        why->kind = Problem::Kind::Missing;
        return false;
    }
    if (info.isDir()) {
        why->kind = Problem::Kind::IsFolder;
        return false;
    }
    if (isDatabaseFile(path, databasePath)) {
        why->kind = Problem::Kind::IsDatabase;
        return false;
    }
    if (info.size() > kMaxBytes) {
        why->kind = Problem::Kind::TooBig;
        why->bytes = info.size();
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        why->kind = Problem::Kind::CannotRead;
        why->detail = f.errorString();
        return false;
    }
    const QByteArray bytes = f.read(kMaxBytes + 1);
    LockRecording parsed;
    if (!LockRecording::parse(bytes, &parsed, &why->fault)) {
        why->kind = Problem::Kind::NotARecording;
        return false;
    }
    *out = parsed;
    return true;
}

bool LockRecordingFile::save(const QString &path, const QString &databasePath, const LockRecording &recording,
                             Problem *why)
{
    *why = Problem{Problem::Kind::None, QFileInfo(path).absoluteFilePath(), 0, QString(), RecordingFault()};
    if (isDatabaseFile(path, databasePath)) {
        why->kind = Problem::Kind::SaveOntoDatabase;
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        why->kind = Problem::Kind::CannotWrite;
        why->detail = f.errorString();
        return false;
    }
    f.write(recording.toJsonLines());
    if (!f.commit()) {
        why->kind = Problem::Kind::CannotWrite;
        why->detail = f.errorString();
        return false;
    }
    return true;
}

} // namespace kalito
