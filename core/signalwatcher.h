#pragma once

#include <QObject>

class QSocketNotifier;

namespace kalito {

// Turns SIGINT and SIGTERM into a Qt signal. The handler only writes one byte to a pipe (the
// one async-signal-safe thing to do); everything else happens in the event loop.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void received(int signalNumber);

private:
    void readPipe();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace kalito
