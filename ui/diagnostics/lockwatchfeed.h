#pragma once

#include "lockrecording.h"

#include <QObject>

class QProcess;

namespace kalito::ui {

// The live source of the Locks timeline: a child `kalito-inspector locks --watch --jsonl - PATH`
// (the child reads the -shm, which this process, holding a connection, must never open), whose
// lines are read as they come, never waited for. Keeps the last kKeepMs of holds.
class LockWatchFeed : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kKeepMs = 10 * 60 * 1000;

    explicit LockWatchFeed(QObject *parent = nullptr);
    ~LockWatchFeed() override; // ends the child

    // Starts watching path (clearing what was recorded) unless it is already being watched.
    void start(const QString &databasePath);
    void stop();
    bool isRunning() const { return m_process != nullptr; }
    qint64 childPid() const;
    const LockRecording &recording() const { return m_recording; }
    QString error() const { return m_error; }

signals:
    void changed();
    // The child could not start or ended by itself; the reason in words.
    void failed(const QString &reason);

private:
    void readLines();
    void onFinished();

    QProcess *m_process = nullptr;
    QString m_path;
    QByteArray m_pending;
    QByteArray m_stderr;
    LockRecording m_recording;
    QString m_error;
};

} // namespace kalito::ui
