#include "readonlycopy.h"

#include "database.h"
#include "fileprobe.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sys/stat.h>

namespace kalito {

namespace {

// The -wal header's identity (checkpoint sequence, salts) or "none"; opening the -wal is safe.
QByteArray walIdentity(const QString &walPath)
{
    QFile f(walPath);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("none");
    const QByteArray header = f.read(32);
    return header.size() < 32 ? QByteArrayLiteral("short") : header.mid(12, 12);
}

QByteArray statIdentity(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QByteArrayLiteral("none");
    return QByteArray::number(qint64(st.st_size)) + ':' + QByteArray::number(qint64(st.st_mtim.tv_sec)) +
           '.' + QByteArray::number(qint64(st.st_mtim.tv_nsec));
}

// Copies in chunks so that a copy of a large database reports progress and can stop between
// chunks. Returns false on an error (in *error) or a cancel (*cancelled).
bool copyFile(const QString &from, const QString &to, qint64 *copied, qint64 total,
              const ReadOnlyCopy::Progress &progress, DbError *error, bool *cancelled)
{
    QFile::remove(to);
    QFile source(from);
    QFile target(to);
    if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString why = source.isOpen() ? target.errorString() : source.errorString();
        *error = DbError::make(DbError::Kind::Io, DbError::Reason::CopyFailed, from, {to}, why);
        return false;
    }
    constexpr qint64 kChunk = 1024 * 1024;
    QByteArray buffer;
    for (;;) {
        if (progress && !progress(*copied, total)) {
            *cancelled = true;
            return false;
        }
        buffer = source.read(kChunk);
        if (buffer.isEmpty()) {
            if (source.error() != QFileDevice::NoError)
                break;
            return true;
        }
        if (target.write(buffer) != buffer.size())
            break;
        *copied += buffer.size();
    }
    *error =
        DbError::make(DbError::Kind::Io, DbError::Reason::CopyFailed, from, {to},
                      source.error() != QFileDevice::NoError ? source.errorString() : target.errorString());
    return false;
}

} // namespace

ReadOnlyCopy ReadOnlyCopy::make(const QString &databasePath, const QString &tempRoot,
                                const Progress &progress)
{
    ReadOnlyCopy c;
    const QString absolute = QFileInfo(databasePath).absoluteFilePath();
    if (Database::isOpenInThisProcess(absolute)) {
        c.error = DbError::make(DbError::Kind::Io, DbError::Reason::CopyOfOpenDatabase, absolute);
        return c;
    }
    const FileProbe probe = FileProbe::inspect(absolute);
    if (probe.error.isError()) {
        c.error = probe.error;
        return c;
    }
    QTemporaryDir dir((tempRoot.isEmpty() ? QDir::tempPath() : tempRoot) +
                      QStringLiteral("/kalito-inspector-copy-XXXXXX"));
    if (!dir.isValid()) {
        c.error = DbError::make(DbError::Kind::Io, DbError::Reason::CopyFolderFailed, absolute, {},
                                dir.errorString());
        return c;
    }
    const QString wal = absolute + QStringLiteral("-wal");
    const QString copy = QDir(dir.path()).filePath(QFileInfo(absolute).fileName());
    for (c.attempts = 1; c.attempts <= 5; ++c.attempts) {
        const QByteArray walBefore = walIdentity(wal);
        const QByteArray dbBefore = statIdentity(absolute);
        c.walCopied = QFileInfo::exists(wal);
        const qint64 total = QFileInfo(absolute).size() + (c.walCopied ? QFileInfo(wal).size() : 0);
        qint64 copied = 0;
        // On an error or a cancel `dir` removes itself and the half-made copy with it.
        if (!copyFile(absolute, copy, &copied, total, progress, &c.error, &c.cancelled))
            return c;
        QFile::remove(copy + QStringLiteral("-wal"));
        if (c.walCopied &&
            !copyFile(wal, copy + QStringLiteral("-wal"), &copied, total, progress, &c.error, &c.cancelled))
            return c;
        const QByteArray walAfter = walIdentity(wal);
        // With a WAL, its identity proves no reset happened; without one, nothing may have moved.
        const bool stable =
            walBefore == walAfter && (walBefore != "none" || statIdentity(absolute) == dbBefore);
        if (stable && walBefore != "short") {
            dir.setAutoRemove(false);
            c.path = copy;
            c.folder = dir.path();
            qCInfo(lcDb).noquote() << "read-only copy of" << absolute << "in" << c.folder << "after"
                                   << c.attempts << "attempt(s)";
            return c;
        }
    }
    c.error = DbError::make(DbError::Kind::Locked, DbError::Reason::CopyKeptChanging, absolute);
    return c;
}

} // namespace kalito
