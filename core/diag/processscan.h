#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kalito {

// A process that has one of the database's files open.
struct ProcessInfo
{
    qint64 pid = 0;
    QString name;           // /proc/<pid>/comm
    QString cmdline;        // /proc/<pid>/cmdline, shortened for a sentence (see shortCommandLine)
    QString user;           // owner of /proc/<pid>
    QStringList files;      // "db", "wal", "shm"
    bool filesKnown = true; // false when /proc/<pid>/fd was not readable (another user's process)
};

// Finds, through /proc/<pid>/fd and stat() (no descriptor on the files is opened), the processes
// that have the database, its -wal or its -shm open. Another user's /proc/<pid>/fd is private
// unless we are root: those processes are counted per user instead.
class ProcessScan
{
public:
    static bool available(); // /proc exists (Linux)
    static QList<ProcessInfo> holding(const QString &databasePath,
                                      QMap<QString, int> *hiddenByUser = nullptr);
    static QString nameOf(qint64 pid);
    static QString userOf(qint64 pid);
    // The arguments of /proc/<pid>/cmdline; empty when the process is gone or not ours to read.
    static QStringList argumentsOf(qint64 pid);
    // argumentsOf(pid) made short enough for a sentence, or nameOf(pid) when they are unknown.
    static QString commandLineOf(qint64 pid);
    // "node /srv/kalito/backend/server.js --port 3000" -> "node …/backend/server.js --port 3000":
    // the program by its file name, long paths by their last two parts, at most maxChars
    // characters (cut with "…"). A maintainer must tell the backend from a script by it.
    static QString shortCommandLine(const QStringList &arguments, int maxChars = 80);
};

} // namespace kalito
