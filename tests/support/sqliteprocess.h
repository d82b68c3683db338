#pragma once

#include <QProcess>
#include <QString>

namespace kalito::test {

// A real second process: the sqlite3 command-line tool on a database, fed statements one at a
// time, so a test can hold a lock or a read snapshot while the inspector works.
class SqliteProcess
{
public:
    explicit SqliteProcess(const QString &path);
    ~SqliteProcess();

    bool start();
    // Sends SQL and waits until the tool has executed it (it prints a marker afterwards).
    // Returns the output printed before the marker.
    QString exec(const QString &sql, int timeoutMs = 30000);
    qint64 pid() const { return m_process.processId(); }
    void stop();

private:
    QProcess m_process;
    QString m_path;
    int m_counter = 0;
};

} // namespace kalito::test
