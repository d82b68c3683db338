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
    // Sends SQL that is expected to block (a checkpoint waiting for a reader) without waiting;
    // collect() then waits for it to finish and returns its output.
    void send(const QString &sql);
    QString collect(int timeoutMs = 30000);
    qint64 pid() const { return m_process.processId(); }
    void stop();

private:
    QProcess m_process;
    QString m_path;
    int m_counter = 0;
    QByteArray m_pending; // marker of the statement send() left running
};

} // namespace kalito::test
