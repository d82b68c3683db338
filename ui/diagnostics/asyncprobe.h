#pragma once

#include "proberesult.h"

#include <QObject>

class QProcess;

namespace kalito::ui {

// Runs `kalito-inspector probe-files PATH` without blocking the window: the child reads the
// -shm and asks F_GETLK, which this process (holding a connection) must never do itself.
class AsyncProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int TimeoutMs = 10000; // then the probe is killed and reported as failed

    explicit AsyncProbe(QObject *parent = nullptr);
    ~AsyncProbe() override; // ends a probe still running
    // Starts a probe unless one is already running (then returns false).
    bool start(const QString &databasePath);
    bool isRunning() const { return m_process != nullptr; }

signals:
    void finished(const kalito::ProbeResult &result);

private:
    QProcess *m_process = nullptr;
};

} // namespace kalito::ui
