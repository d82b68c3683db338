#include "lockwatchfeed.h"
#include "recordingtext.h"

#include "logging.h"
#include "proberunner.h"

#include <QDateTime>
#include <QProcess>

namespace kalito::ui {

LockWatchFeed::LockWatchFeed(QObject *parent) : QObject(parent) {}

LockWatchFeed::~LockWatchFeed()
{
    stop();
}

qint64 LockWatchFeed::childPid() const
{
    return m_process ? m_process->processId() : 0;
}

void LockWatchFeed::start(const QString &databasePath)
{
    if (m_process && databasePath == m_path)
        return;
    stop();
    m_path = databasePath;
    m_recording.clear();
    m_pending.clear();
    m_stderr.clear();
    m_error.clear();
    if (databasePath.isEmpty())
        return;
    m_process = new QProcess(this);
    auto *process = m_process;
    connect(process, &QProcess::readyReadStandardOutput, this, &LockWatchFeed::readLines);
    connect(process, &QProcess::readyReadStandardError, this,
            [this, process] { m_stderr += process->readAllStandardError().right(4096); });
    connect(process, &QProcess::finished, this, [this, process] {
        if (process == m_process)
            onFinished();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (process == m_process && e == QProcess::FailedToStart) {
            m_error = tr("the lock watcher (%1) could not be started: %2")
                          .arg(ProbeRunner::program(), process->errorString());
            m_process = nullptr;
            process->deleteLater();
            emit failed(m_error);
        }
    });
    process->start(ProbeRunner::program(), {QStringLiteral("locks"), QStringLiteral("--watch"),
                                            QStringLiteral("--jsonl"), QStringLiteral("-"), databasePath});
    emit changed();
}

void LockWatchFeed::stop()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    // kill() is immediate and the child holds no lock; reaping it does not wait for anything.
    process->kill();
    process->waitForFinished(1000);
    delete process;
}

void LockWatchFeed::readLines()
{
    if (!m_process)
        return;
    m_pending += m_process->readAllStandardOutput();
    const int cut = int(m_pending.lastIndexOf('\n'));
    if (cut < 0) {
        if (m_pending.size() > 1024 * 1024)
            m_pending.clear(); // not the watcher's lines (each is a few hundred bytes)
        return;
    }
    const QList<QByteArray> lines = m_pending.left(cut).split('\n');
    m_pending.remove(0, cut + 1);
    for (const QByteArray &line : lines) {
        RecordingFault why;
        if (!m_recording.addLine(line, &why)) // one language in the line: the reader's
            qCWarning(lcDiag).noquote()
                << tr("lock watcher: ignoring a line: %1").arg(RecordingText::fault(why));
    }
    m_recording.dropEndedBefore(QDateTime::currentMSecsSinceEpoch() - kKeepMs);
    emit changed();
}

void LockWatchFeed::onFinished()
{
    readLines();
    QProcess *process = m_process;
    m_process = nullptr;
    // Its last line says why it ended; lines before it are warnings (Qt's, the environment's).
    const QStringList lines = QString::fromLocal8Bit(m_stderr).trimmed().split(QLatin1Char('\n'));
    const QString detail = lines.isEmpty() ? QString() : lines.last().trimmed();
    m_error =
        detail.isEmpty() ? tr("the lock watcher ended (exit code %1)").arg(process->exitCode()) : detail;
    process->deleteLater();
    emit failed(m_error);
}

} // namespace kalito::ui
