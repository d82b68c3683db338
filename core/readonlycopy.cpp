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

bool copyFile(const QString &from, const QString &to, DbError *error)
{
    QFile::remove(to);
    QFile source(from);
    if (!source.copy(to)) {
        *error = DbError::make(DbError::Kind::Io, from,
                               QStringLiteral("cannot copy it to %1: %2").arg(to, source.errorString()));
        return false;
    }
    return true;
}

} // namespace

ReadOnlyCopy ReadOnlyCopy::make(const QString &databasePath, const QString &tempRoot)
{
    ReadOnlyCopy c;
    const QString absolute = QFileInfo(databasePath).absoluteFilePath();
    if (Database::isOpenInThisProcess(absolute)) {
        c.error = DbError::make(DbError::Kind::Io, absolute,
                                QStringLiteral("close it before copying it (copying would drop this "
                                               "connection's locks)"));
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
        c.error =
            DbError::make(DbError::Kind::Io, absolute,
                          QStringLiteral("cannot create a folder for the copy: %1").arg(dir.errorString()));
        return c;
    }
    const QString wal = absolute + QStringLiteral("-wal");
    const QString copy = QDir(dir.path()).filePath(QFileInfo(absolute).fileName());
    for (c.attempts = 1; c.attempts <= 5; ++c.attempts) {
        const QByteArray walBefore = walIdentity(wal);
        const QByteArray dbBefore = statIdentity(absolute);
        if (!copyFile(absolute, copy, &c.error))
            return c;
        c.walCopied = QFileInfo::exists(wal);
        QFile::remove(copy + QStringLiteral("-wal"));
        if (c.walCopied && !copyFile(wal, copy + QStringLiteral("-wal"), &c.error))
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
    c.error = DbError::make(DbError::Kind::Locked, absolute,
                            QStringLiteral("the database kept changing while it was copied (a checkpoint ran "
                                           "each time); try again"));
    return c;
}

} // namespace kalito
