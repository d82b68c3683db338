#pragma once

#include "checkpointresult.h"
#include "runstate.h"

#include <QObject>

class QWidget;

namespace kalito {
class Connection;
}

namespace kalito::ui {

// Runs one checkpoint at a time on the connection thread, for every view that offers one (the
// Diagnostics dock's Checkpoint tab and the health strip): a checkpoint started in one shows as
// running, cancellable and finished in the other.
class CheckpointController : public QObject
{
    Q_OBJECT
public:
    explicit CheckpointController(Connection *connection, QObject *parent = nullptr);

    // FULL, RESTART and TRUNCATE make every writer wait: ask first (parent: the asking view).
    // Returns false when the user said no. PASSIVE never asks.
    bool confirm(QWidget *parent, CheckpointMode mode) const;
    // confirm() unless confirmed, then run(). Returns whether a checkpoint started.
    bool request(QWidget *parent, CheckpointMode mode, bool confirmed = false);
    // Starts a checkpoint unless one runs already or nothing is open.
    bool run(CheckpointMode mode);
    void cancel();

    bool isRunning() const { return m_run.isRunning(); }
    CheckpointMode runningMode() const { return m_mode; }
    void setWaitMs(int ms) { m_waitMs = ms; }
    int waitMs() const { return m_waitMs; }
    // The lock holders seen last (the health strip's look, every second): who FULL, RESTART and
    // TRUNCATE would wait for, said in the question before they run.
    void setHolders(const QList<LockFinding> &holders, bool known);
    QString wouldWaitText(CheckpointMode mode) const;
    bool hasResult() const { return m_run.hasResult(); }
    const CheckpointResult &lastResult() const { return m_run.lastResult(); }
    QDateTime lastFinishedAt() const { return m_run.lastFinishedAt(); }

signals:
    void started(kalito::CheckpointMode mode);
    void cancelling();
    void finished(const kalito::CheckpointResult &result);

private:
    Connection *m_connection;
    RunState<CheckpointResult> m_run;
    CheckpointMode m_mode = CheckpointMode::Passive;
    int m_waitMs = 30000;
    QList<LockFinding> m_holders;
    bool m_holdersKnown = false;
};

} // namespace kalito::ui
