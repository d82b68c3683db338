#include "fileprobe.h"

#include "sqliteheader.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kalito {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

QString typeName(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("directory");
    if (S_ISFIFO(mode))
        return QStringLiteral("fifo");
    if (S_ISSOCK(mode))
        return QStringLiteral("socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("device");
    return QStringLiteral("other");
}

} // namespace

FileProbe FileProbe::inspect(const QString &path)
{
    FileProbe p;
    p.absolutePath = QFileInfo(path).absoluteFilePath();
    const QByteArray native = QFile::encodeName(p.absolutePath);
    using K = DbError::Kind;
    using R = DbError::Reason;

    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT)
            p.error = DbError::make(K::NotFound, R::FileMissing, p.absolutePath);
        else if (err == ELOOP)
            p.error = DbError::make(K::NotARegularFile, R::SymlinkLoop, p.absolutePath);
        else
            p.error = DbError::make(K::Unreadable, R::CannotStat, p.absolutePath, {}, errnoText(err));
        return p;
    }
    if (!S_ISREG(st.st_mode)) {
        p.error =
            DbError::make(K::NotARegularFile, R::NotRegularFile, p.absolutePath, {typeName(st.st_mode)});
        return p;
    }
    p.size = st.st_size;
    p.ownerUid = st.st_uid;
    p.directoryWritable =
        ::access(QFile::encodeName(QFileInfo(p.absolutePath).absolutePath()).constData(), W_OK) == 0;
    if (::access(native.constData(), R_OK) != 0) {
        p.error = DbError::make(K::Unreadable, R::NotReadable, p.absolutePath, {}, errnoText(errno));
        return p;
    }
    if (p.size == 0) {
        p.error = DbError::make(K::EmptyFile, R::EmptyFile, p.absolutePath);
        return p;
    }

    // O_NONBLOCK: the type was checked above, but the path could have been swapped for a FIFO since.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        p.error = DbError::make(K::Unreadable, R::CannotOpenFile, p.absolutePath, {}, errnoText(errno));
        return p;
    }
    QByteArray bytes(SqliteHeader::kBytes, '\0');
    const ssize_t n = ::pread(fd, bytes.data(), size_t(bytes.size()), 0);
    ::close(fd);
    const SqliteHeader header = SqliteHeader::parse(bytes.left(int(qMax<ssize_t>(n, 0))));
    if (!header.complete) {
        p.error = DbError::make(K::NotADatabase, R::TooShort, p.absolutePath, {QString::number(p.size)});
        return p;
    }
    if (!header.magicOk) {
        p.error = DbError::make(K::NotADatabase, R::NoSqliteHeader, p.absolutePath);
        return p;
    }
    p.pageSize = header.pageSize;
    if (!header.fieldsValid()) {
        p.error = DbError::make(K::Corrupt, R::HeaderDamaged, p.absolutePath,
                                {QString::number(header.rawPageSize), QString::number(header.writeVersion),
                                 QString::number(header.readVersion)});
        return p;
    }
    p.walHeader = header.isWal();
    p.companionsMissing =
        ::access(QFile::encodeName(p.absolutePath + QStringLiteral("-shm")).constData(), F_OK) != 0;
    return p;
}

FileProbe FileProbe::inspectNew(const QString &path)
{
    FileProbe p;
    p.absolutePath = QFileInfo(path).absoluteFilePath();
    struct stat st;
    if (::lstat(QFile::encodeName(p.absolutePath).constData(), &st) == 0) {
        p.error = DbError::make(DbError::Kind::AlreadyExists, DbError::Reason::FileExists, p.absolutePath);
        return p;
    }
    const QFileInfo dir(QFileInfo(p.absolutePath).absolutePath());
    if (!dir.isDir())
        p.error = DbError::make(DbError::Kind::NotFound, DbError::Reason::FolderMissing, p.absolutePath,
                                {dir.filePath()});
    return p;
}

} // namespace kalito
