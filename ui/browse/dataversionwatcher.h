#pragma once

#include <QObject>
#include <QTimer>

namespace kalito {
class Connection;
}

namespace kalito::ui {

// Notices writes by other processes: polls PRAGMA data_version through the connection (it changes
// when another connection commits) about once a second. The poll is one short statement that
// finishes at once, so it holds no read transaction between polls.
class DataVersionWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DataVersionWatcher(Connection *connection, QObject *parent = nullptr);

    void start(int intervalMs = 1000);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // A poll is on its way (it still reports after stop()).
    bool isPolling() const { return m_polling; }

signals:
    void changed();

private:
    void poll();

    Connection *m_connection;
    QTimer m_timer;
    qint64 m_version = -1;
    bool m_polling = false;
};

} // namespace kalito::ui
