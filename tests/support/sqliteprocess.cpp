#include "sqliteprocess.h"

#include "stallwatch.h"

#include <QElapsedTimer>

namespace kalito::test {

SqliteProcess::SqliteProcess(const QString &path) : m_path(path)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

SqliteProcess::~SqliteProcess()
{
    stop();
}

bool SqliteProcess::start()
{
    const StallWatch::Pause testsOwnWork;
    m_process.start(QStringLiteral("sqlite3"), {QStringLiteral("-batch"), m_path});
    if (!m_process.waitForStarted(10000))
        return false;
    // waitForStarted() returns when the exec closed Qt's close-on-exec pipe, which the kernel does
    // before it sets up the new program's arguments: /proc/PID/cmdline could still read empty
    // (tst_lockreport::commandLineOfARealProcess failed so once). One round trip proves the
    // program runs its main loop, its arguments in place (.print alone: it touches no file).
    exec(QString());
    return m_process.state() == QProcess::Running;
}

QString SqliteProcess::exec(const QString &sql, int timeoutMs)
{
    send(sql);
    return collect(timeoutMs);
}

void SqliteProcess::send(const QString &sql)
{
    const StallWatch::Pause testsOwnWork;
    m_pending = "--done-" + QByteArray::number(++m_counter) + "--";
    m_process.write(sql.toUtf8() + "\n.print " + m_pending + "\n");
    m_process.waitForBytesWritten(5000); // without an event loop, QProcess writes only when asked to
}

QString SqliteProcess::collect(int timeoutMs)
{
    const StallWatch::Pause testsOwnWork;
    const QByteArray marker = m_pending;
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (!out.contains(marker) && timer.elapsed() < timeoutMs && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAll();
    }
    return QString::fromUtf8(out.left(out.indexOf(marker))).trimmed();
}

void SqliteProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const StallWatch::Pause testsOwnWork;
    m_process.write(".quit\n");
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace kalito::test
