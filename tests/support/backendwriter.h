#pragma once

#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace kalito::test {

// The Kalito backend's own driver in a real second process: Node.js running better-sqlite3 12
// (tests/system/backend/writer.js, installed by the backend_node CTest fixture into
// $KALITO_BACKEND_DIR), configured like the backend's connection module and writing sessions and
// messages in small transactions. It reports every commit and every error; this class reads them.
class BackendWriter
{
public:
    BackendWriter();
    ~BackendWriter();

    // Empty when the writer can run; otherwise why not.
    static QString unavailableReason();
    // Seconds to write: $KALITO_BACKEND_SECONDS, else fallback.
    static int configuredSeconds(int fallback);

    // Starts writing to dbPath for `seconds`; returns once the pragmas are set ("ready").
    bool start(const QString &dbPath, int seconds, int pauseMs = 5);
    bool isRunning() const;
    // Waits for the writer to finish its run (or stops it with SIGTERM when stop is true), then
    // reads what it reported. Returns false on a timeout.
    bool finish(int timeoutMs, bool stop = false);

    int exitCode() const { return m_exitCode; }
    bool sawDone() const { return m_done; }
    qint64 transactions() const { return m_transactions; }
    const QSet<QString> &sessions() const { return m_sessions; }
    const QSet<qint64> &messages() const { return m_messages; }
    const QStringList &errors() const { return m_errors; }
    QString stderrText() const { return m_stderr; }

    // Message ids and session ids the writer reported committed but that the database at
    // dbPath does not hold (read by the sqlite3 command-line tool, a third process).
    QStringList missingRows(const QString &dbPath) const;

private:
    void parseLog();

    QProcess m_process;
    QTemporaryDir m_logDir;
    QString m_logPath;
    int m_exitCode = -1;
    bool m_done = false;
    qint64 m_transactions = 0;
    QSet<QString> m_sessions;
    QSet<qint64> m_messages;
    QStringList m_errors;
    QString m_stderr;
};

} // namespace kalito::test
