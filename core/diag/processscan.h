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
};

} // namespace kalito
