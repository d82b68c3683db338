#include "processscan.h"

#include <QDir>
#include <QFile>

#include <dirent.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace kalito {

namespace {

struct Target
{
    QString label;
    dev_t device = 0;
    ino_t inode = 0;
    bool exists = false;
};

QString userName(uid_t uid)
{
    struct passwd pw;
    struct passwd *result = nullptr;
    char buffer[1024];
    if (::getpwuid_r(uid, &pw, buffer, sizeof buffer, &result) == 0 && result)
        return QString::fromLocal8Bit(pw.pw_name);
    return QString::number(uid);
}

} // namespace

bool ProcessScan::available()
{
    return QFile::exists(QStringLiteral("/proc/self/fd"));
}

QString ProcessScan::nameOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLocal8Bit(f.readAll()).trimmed();
}

QString ProcessScan::userOf(qint64 pid)
{
    struct stat st;
    if (::stat(QFile::encodeName(QStringLiteral("/proc/%1").arg(pid)).constData(), &st) != 0)
        return QString();
    return userName(st.st_uid);
}

QList<ProcessInfo> ProcessScan::holding(const QString &databasePath, QMap<QString, int> *hiddenByUser)
{
    QList<ProcessInfo> found;
    QList<Target> targets;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        Target t;
        t.label = *suffix ? QString::fromLatin1(suffix + 1) : QStringLiteral("db");
        struct stat st;
        t.exists = ::stat(QFile::encodeName(databasePath + QLatin1String(suffix)).constData(), &st) == 0;
        t.device = st.st_dev;
        t.inode = st.st_ino;
        if (t.exists)
            targets.append(t);
    }
    if (targets.isEmpty() || !available())
        return found;

    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pidText : pids) {
        bool isPid = false;
        const qint64 pid = pidText.toLongLong(&isPid);
        if (!isPid)
            continue;
        const QByteArray fdDir = QFile::encodeName(QStringLiteral("/proc/%1/fd").arg(pid));
        DIR *dir = ::opendir(fdDir.constData());
        if (!dir) {
            if (errno == EACCES && hiddenByUser)
                (*hiddenByUser)[userOf(pid)] += 1;
            continue;
        }
        QStringList files;
        while (struct dirent *e = ::readdir(dir)) {
            if (e->d_name[0] == '.')
                continue;
            struct stat st;
            // stat() follows the magic link to the open file without opening it.
            if (::stat((fdDir + '/' + e->d_name).constData(), &st) != 0)
                continue;
            for (const Target &t : std::as_const(targets)) {
                if (st.st_dev == t.device && st.st_ino == t.inode && !files.contains(t.label))
                    files.append(t.label);
            }
        }
        ::closedir(dir);
        if (!files.isEmpty())
            found.append({pid, nameOf(pid), userOf(pid), files, true});
    }
    return found;
}

} // namespace kalito
