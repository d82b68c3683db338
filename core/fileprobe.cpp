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
        return QStringLiteral("a directory");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    return QStringLiteral("not a regular file");
}

} // namespace

FileProbe FileProbe::inspect(const QString &path)
{
    FileProbe p;
    p.absolutePath = QFileInfo(path).absoluteFilePath();
    const QByteArray native = QFile::encodeName(p.absolutePath);
    using K = DbError::Kind;

    struct stat st;
    if (::stat(native.constData(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT)
            p.error = DbError::make(K::NotFound, p.absolutePath, QStringLiteral("the file does not exist"));
        else if (err == ELOOP)
            p.error = DbError::make(K::NotARegularFile, p.absolutePath,
                                    QStringLiteral("the path is a symbolic link loop"));
        else
            p.error = DbError::make(K::Unreadable, p.absolutePath,
                                    QStringLiteral("cannot look at the file: %1").arg(errnoText(err)));
        return p;
    }
    if (!S_ISREG(st.st_mode)) {
        p.error = DbError::make(K::NotARegularFile, p.absolutePath,
                                QStringLiteral("this is %1, not a database file").arg(typeName(st.st_mode)));
        return p;
    }
    p.size = st.st_size;
    p.ownerUid = st.st_uid;
    p.directoryWritable =
        ::access(QFile::encodeName(QFileInfo(p.absolutePath).absolutePath()).constData(), W_OK) == 0;
    if (::access(native.constData(), R_OK) != 0) {
        p.error = DbError::make(K::Unreadable, p.absolutePath,
                                QStringLiteral("the file is not readable: %1").arg(errnoText(errno)));
        return p;
    }
    if (p.size == 0) {
        p.error =
            DbError::make(K::EmptyFile, p.absolutePath,
                          QStringLiteral("the file is empty (0 bytes), not a SQLite database; it is left "
                                         "untouched (SQLite would silently turn it into a new database)"));
        return p;
    }

    // O_NONBLOCK: the type was checked above, but the path could have been swapped for a FIFO since.
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        p.error = DbError::make(K::Unreadable, p.absolutePath,
                                QStringLiteral("cannot open the file: %1").arg(errnoText(errno)));
        return p;
    }
    unsigned char header[100];
    std::memset(header, 0, sizeof header);
    const ssize_t n = ::pread(fd, header, sizeof header, 0);
    ::close(fd);
    static const char magic[] = "SQLite format 3"; // 16 bytes with its NUL
    if (n < 100 || std::memcmp(header, magic, 16) != 0) {
        p.error =
            DbError::make(K::NotADatabase, p.absolutePath,
                          n < 100 ? QStringLiteral("not a SQLite database (only %1 bytes long)").arg(p.size)
                                  : QStringLiteral("not a SQLite database (the file does not start with "
                                                   "the SQLite header)"));
        return p;
    }
    const int rawPageSize = (header[16] << 8) | header[17];
    p.pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const bool pageSizeOk = p.pageSize >= 512 && p.pageSize <= 65536 && (p.pageSize & (p.pageSize - 1)) == 0;
    if (!pageSizeOk || header[18] < 1 || header[18] > 2 || header[19] < 1 || header[19] > 2) {
        p.error =
            DbError::make(K::Corrupt, p.absolutePath,
                          QStringLiteral("the database header is damaged (page size %1, format bytes %2/%3)")
                              .arg(rawPageSize)
                              .arg(header[18])
                              .arg(header[19]));
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
        p.error = DbError::make(DbError::Kind::AlreadyExists, p.absolutePath,
                                QStringLiteral("the file already exists; refusing to overwrite it"));
        return p;
    }
    const QFileInfo dir(QFileInfo(p.absolutePath).absolutePath());
    if (!dir.isDir())
        p.error = DbError::make(DbError::Kind::NotFound, p.absolutePath,
                                QStringLiteral("the folder %1 does not exist").arg(dir.filePath()));
    return p;
}

} // namespace kalito
