#include "asyncprobe.h"

#include "proberunner.h"

#include <QProcess>
#include <QTimer>

namespace kalito::ui {

AsyncProbe::AsyncProbe(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<kalito::ProbeResult>();
}

AsyncProbe::~AsyncProbe()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

bool AsyncProbe::start(const QString &databasePath)
{
    if (m_process || databasePath.isEmpty())
        return false;
    m_process = new QProcess(this);
    auto *process = m_process;
    auto done = [this, process](bool completed) {
        if (m_process != process)
            return;
        m_process = nullptr;
        ProbeResult r = ProbeRunner::fromOutput(process->readAllStandardOutput(),
                                                process->readAllStandardError(), completed);
        // Say which way it failed: the health strip shows this to the user as the reason for "?".
        if (process->property("timedOut").toBool())
            r.error = DbError::make(DbError::Kind::Io, DbError::Reason::ProbeTimedOut, QString(),
                                    {QString::number(TimeoutMs)});
        else if (process->error() == QProcess::FailedToStart)
            r.error = DbError::make(DbError::Kind::Io, DbError::Reason::ProbeNotStarted, QString(),
                                    {ProbeRunner::program()}, process->errorString());
        process->deleteLater();
        emit finished(r);
    };
    connect(process, &QProcess::finished, this, [done] { done(true); });
    connect(process, &QProcess::errorOccurred, this, [done](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            done(false);
    });
    // A probe that hangs (a stuck file system) must not leave the panel waiting forever.
    QTimer::singleShot(TimeoutMs, process, [process] {
        process->setProperty("timedOut", true);
        process->kill();
    });
    process->start(ProbeRunner::program(), ProbeRunner::arguments(databasePath));
    return true;
}

} // namespace kalito::ui
