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

QStringList ProcessScan::argumentsOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray raw = f.readAll();
    if (raw.endsWith('\0'))
        raw.chop(1);
    if (raw.isEmpty())
        return {}; // a kernel thread, or a zombie
    QStringList arguments;
    for (const QByteArray &a : raw.split('\0'))
        arguments.append(QString::fromLocal8Bit(a));
    return arguments;
}

QString ProcessScan::commandLineOf(qint64 pid)
{
    const QStringList arguments = argumentsOf(pid);
    return arguments.isEmpty() ? nameOf(pid) : shortCommandLine(arguments);
}

QString ProcessScan::shortCommandLine(const QStringList &arguments, int maxChars)
{
    const QChar ellipsis(0x2026);
    auto shortPath = [&](const QString &a) {
        if (!a.contains(QLatin1Char('/')))
            return a;
        const QStringList parts = a.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.size() <= 2)
            return a;
        return QString(ellipsis) + QLatin1Char('/') + parts.at(parts.size() - 2) + QLatin1Char('/') +
               parts.last();
    };
    QStringList words;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (i == 0) {
            words.append(a.section(QLatin1Char('/'), -1)); // the program by its name
            continue;
        }
        const int eq = a.indexOf(QLatin1Char('='));
        if (a.startsWith(QLatin1Char('-')) && eq > 0) // --db=/long/path/kalito.db
            words.append(a.left(eq + 1) + shortPath(a.mid(eq + 1)));
        else
            words.append(shortPath(a));
    }
    QString line = words.join(QLatin1Char(' '));
    if (line.size() > maxChars)
        line = line.left(qMax(1, maxChars - 1)) + ellipsis;
    return line;
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
            found.append({pid, nameOf(pid), commandLineOf(pid), userOf(pid), files, true});
    }
    return found;
}

} // namespace kalito
