#include "backendwriter.h"

#include "stallwatch.h"

#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>

namespace kalito::test {

namespace {

QString backendDir()
{
    return qEnvironmentVariable("KALITO_BACKEND_DIR");
}

} // namespace

BackendWriter::BackendWriter()
{
    m_logPath = m_logDir.filePath(QStringLiteral("writer.log"));
}

BackendWriter::~BackendWriter()
{
    if (isRunning())
        finish(30000, true);
}

QString BackendWriter::unavailableReason()
{
    const QString dir = backendDir();
    if (dir.isEmpty())
        return QStringLiteral("KALITO_BACKEND_DIR is not set (run through CTest)");
    if (!QFileInfo::exists(dir + QStringLiteral("/node_modules/better-sqlite3/package.json")))
        return QStringLiteral("better-sqlite3 is not installed in %1 (the backend_node fixture installs it)")
            .arg(dir);
    return QString();
}

int BackendWriter::configuredSeconds(int fallback)
{
    bool ok = false;
    const int s = qEnvironmentVariableIntValue("KALITO_BACKEND_SECONDS", &ok);
    return ok && s > 0 ? s : fallback;
}

bool BackendWriter::start(const QString &dbPath, int seconds, int pauseMs)
{
    const StallWatch::Pause testsOwnWork;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KALITO_WRITER_SECONDS"), QString::number(seconds));
    env.insert(QStringLiteral("KALITO_WRITER_PAUSE_MS"), QString::number(pauseMs));
    env.insert(QStringLiteral("KALITO_WRITER_LOG"), m_logPath);
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(backendDir());
    m_process.start(QStringLiteral("node"),
                    {QDir(backendDir()).filePath(QStringLiteral("writer.js")), dbPath});
    if (!m_process.waitForStarted(10000))
        return false;
    QByteArray out;
    while (!out.contains("ready\n") && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        out += m_process.readAllStandardOutput();
    }
    return out.contains("ready\n");
}

bool BackendWriter::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

bool BackendWriter::finish(int timeoutMs, bool stop)
{
    const StallWatch::Pause testsOwnWork;
    if (stop && isRunning())
        ::kill(pid_t(m_process.processId()), SIGTERM);
    // waitForFinished() is false for a process that already ended: only wait for a running one.
    if (isRunning() && !m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        parseLog();
        return false;
    }
    m_exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_stderr += QString::fromUtf8(m_process.readAllStandardError());
    parseLog();
    return true;
}

void BackendWriter::parseLog()
{
    QFile f(m_logPath);
    if (!f.open(QIODevice::ReadOnly))
        return;
    m_done = false;
    m_transactions = 0;
    m_sessions.clear();
    m_messages.clear();
    m_errors.clear();
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.startsWith("commit ")) {
            const QList<QByteArray> parts = line.split(' ');
            m_sessions.insert(QString::fromUtf8(parts.value(1)));
            for (const QByteArray &id : parts.value(2).split(','))
                m_messages.insert(id.toLongLong());
            ++m_transactions;
        } else if (line.startsWith("error ")) {
            m_errors << QString::fromUtf8(line);
        } else if (line.startsWith("done ")) {
            m_done = true;
        }
    }
}

QStringList BackendWriter::missingRows(const QString &dbPath) const
{
    QStringList missing;
    QSet<qint64> present;
    const QStringList ids = sqlite3(dbPath, QStringLiteral("SELECT id FROM messages;"))
                                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &id : ids)
        present.insert(id.toLongLong());
    for (qint64 id : m_messages) {
        if (!present.contains(id))
            missing << QStringLiteral("message %1").arg(id);
    }
    QSet<QString> sessionsPresent;
    const QStringList sessionIds = sqlite3(dbPath, QStringLiteral("SELECT id FROM sessions;"))
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &id : sessionIds)
        sessionsPresent.insert(id);
    for (const QString &id : m_sessions) {
        if (!sessionsPresent.contains(id))
            missing << QStringLiteral("session %1").arg(id);
    }
    return missing;
}

} // namespace kalito::test
