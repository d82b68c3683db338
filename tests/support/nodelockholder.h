#pragma once

#include <QProcess>
#include <QString>

namespace kalito::test {

// The backend's driver (better-sqlite3 under Node.js, configured like the backend's connection
// module) in a second process that holds a lock state on command: tests/system/backend/lockholder.js.
// Needs $KALITO_BACKEND_DIR (see BackendWriter::unavailableReason()).
class NodeLockHolder
{
public:
    NodeLockHolder() = default;
    ~NodeLockHolder();

    bool start(const QString &dbPath, int busyTimeoutMs = 20000);
    // Sends one command and waits for its answer line ("ok ..." or "error ...").
    QString exec(const QString &command, int timeoutMs = 30000);
    // Sends a command expected to block (a checkpoint waiting for a reader); collect() waits for it.
    void send(const QString &command);
    QString collect(int timeoutMs = 30000);
    qint64 pid() const { return m_process.processId(); }
    void stop();

private:
    QProcess m_process;
    QByteArray m_buffer;
};

} // namespace kalito::test
