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
                             QString *why)
{
    const QString shown = QFileInfo(path).absoluteFilePath();
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = QStringLiteral("%1: no such file").arg(shown);
        return false;
    }
    if (info.isDir()) {
        *why = QStringLiteral("%1: is a folder, not a recording").arg(shown);
        return false;
    }
    if (isDatabaseFile(path, databasePath)) {
        *why = QStringLiteral("%1: is the open database's own file, not a lock recording").arg(shown);
        return false;
    }
    if (info.size() > kMaxBytes) {
        *why = QStringLiteral("%1: %2 bytes, more than a recording can hold (%3 MB at most)")
                   .arg(shown)
                   .arg(info.size())
                   .arg(kMaxBytes / (1024 * 1024));
        return false;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("%1: cannot read: %2").arg(shown, f.errorString());
        return false;
    }
    const QByteArray bytes = f.read(kMaxBytes + 1);
    QString reason;
    LockRecording parsed;
    if (!LockRecording::parse(bytes, &parsed, &reason)) {
        *why = QStringLiteral("%1: not a lock recording: %2").arg(shown, reason);
        return false;
    }
    *out = parsed;
    return true;
}

bool LockRecordingFile::save(const QString &path, const QString &databasePath, const LockRecording &recording,
                             QString *why)
{
    const QString shown = QFileInfo(path).absoluteFilePath();
    if (isDatabaseFile(path, databasePath)) {
        *why = QStringLiteral("%1: is the open database's own file; choose another name").arg(shown);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *why = QStringLiteral("%1: cannot write: %2").arg(shown, f.errorString());
        return false;
    }
    f.write(recording.toJsonLines());
    if (!f.commit()) {
        *why = QStringLiteral("%1: cannot write: %2").arg(shown, f.errorString());
        return false;
    }
    return true;
}

} // namespace kalito
