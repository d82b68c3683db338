#include "fileprobe.h"

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
    unsigned char header[100];
    std::memset(header, 0, sizeof header);
    const ssize_t n = ::pread(fd, header, sizeof header, 0);
    ::close(fd);
    static const char magic[] = "SQLite format 3"; // 16 bytes with its NUL
    if (n < 100 || std::memcmp(header, magic, 16) != 0) {
        p.error = n < 100
                      ? DbError::make(K::NotADatabase, R::TooShort, p.absolutePath, {QString::number(p.size)})
                      : DbError::make(K::NotADatabase, R::NoSqliteHeader, p.absolutePath);
        return p;
    }
    const int rawPageSize = (header[16] << 8) | header[17];
    p.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const bool pageSizeOk = p.pageSize >= 512 && p.pageSize <= 65536 && (p.pageSize & (p.pageSize - 1)) == 0;
    if (!pageSizeOk || header[18] < 1 || header[18] > 2 || header[19] < 1 || header[19] > 2) {
        p.error = DbError::make(
            K::Corrupt, R::HeaderDamaged, p.absolutePath,
            {QString::number(rawPageSize), QString::number(header[18]), QString::number(header[19])});
        return p;
    }
    p.walHeader = header[18] == 2 && header[19] == 2;
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
