#pragma once

#include "cancelflag.h"
#include "checkpointresult.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace kalito {
class Connection;
}

namespace kalito::ui {

// Buttons for the four checkpoint modes and the results of each run. FULL, RESTART and
// TRUNCATE ask first (writers wait while they run); while one waits, Cancel ends the wait.
class CheckpointPanel : public QWidget
{
    Q_OBJECT
public:
    enum ResultColumns { Time, Mode, Busy, LogFrames, Checkpointed, WalBefore, WalAfter, Elapsed, Note };

    CheckpointPanel(Connection *connection, QWidget *parent = nullptr);

    // confirmed: skip the question (tests, or the user already agreed).
    void runCheckpoint(CheckpointMode mode, bool confirmed = false);
    void cancel();
    bool isRunning() const { return m_running; }
    void setWaitMs(int ms) { m_waitMs = ms; }
    QTreeWidget *results() const { return m_results; }
    QString statusText() const;

signals:
    void finished(const kalito::CheckpointResult &result);

private:
    void show(const CheckpointResult &r);
    void setRunning(bool running, const QString &status);

    Connection *m_connection;
    QList<QPushButton *> m_modeButtons;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_results = nullptr;
    CancelFlag m_cancelFlag;
    bool m_running = false;
    int m_waitMs = 30000;
};

} // namespace kalito::ui
