#include "nodelockholder.h"

#include "stallwatch.h"

#include <QDir>
#include <QElapsedTimer>

namespace kalito::test {

NodeLockHolder::~NodeLockHolder()
{
    stop();
}

bool NodeLockHolder::start(const QString &dbPath, int busyTimeoutMs)
{
    const StallWatch::Pause testsOwnWork; // the test's own waiting, not the product's
    const QString backendDir = qEnvironmentVariable("KALITO_BACKEND_DIR");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), QDir(backendDir).filePath(QStringLiteral("node_modules")));
    env.insert(QStringLiteral("KALITO_HOLDER_TIMEOUT_MS"), QString::number(busyTimeoutMs));
    m_process.setProcessEnvironment(env);
    m_process.start(QStringLiteral("node"), {QStringLiteral(KALITO_LOCKHOLDER_JS), dbPath});
    if (!m_process.waitForStarted(10000))
        return false;
    return collect() == QLatin1String("ready");
}

QString NodeLockHolder::exec(const QString &command, int timeoutMs)
{
    send(command);
    return collect(timeoutMs);
}

void NodeLockHolder::send(const QString &command)
{
    const StallWatch::Pause testsOwnWork; // the test's own waiting, not the product's
    m_process.write(command.toUtf8() + '\n');
    m_process.waitForBytesWritten(5000); // without an event loop, QProcess writes only when asked to
}

QString NodeLockHolder::collect(int timeoutMs)
{
    const StallWatch::Pause testsOwnWork; // the test's own waiting, not the product's
    QElapsedTimer timer;
    timer.start();
    while (!m_buffer.contains('\n') && timer.elapsed() < timeoutMs &&
           m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        m_buffer += m_process.readAllStandardOutput();
    }
    const int end = int(m_buffer.indexOf('\n'));
    if (end < 0)
        return QStringLiteral("error TIMEOUT %1").arg(QString::fromUtf8(m_process.readAllStandardError()));
    const QString line = QString::fromUtf8(m_buffer.left(end));
    m_buffer.remove(0, end + 1);
    return line;
}

void NodeLockHolder::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const StallWatch::Pause testsOwnWork;
    m_process.closeWriteChannel(); // lockholder.js ends when stdin closes
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace kalito::test
