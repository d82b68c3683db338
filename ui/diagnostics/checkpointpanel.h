#pragma once

#include "checkpointresult.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace kalito::ui {

class CheckpointController;

// Buttons for the four checkpoint modes and the results of each run. FULL, RESTART and
// TRUNCATE ask first (writers wait while they run); while one waits, Cancel ends the wait.
// The runs go through a CheckpointController shared with the health strip, so a checkpoint
// started there shows here too.
class CheckpointPanel : public QWidget
{
    Q_OBJECT
public:
    enum ResultColumns { Time, Mode, Busy, LogFrames, Checkpointed, WalBefore, WalAfter, Elapsed, Note };

    explicit CheckpointPanel(CheckpointController *controller, QWidget *parent = nullptr);

    // confirmed: skip the question (tests, or the user already agreed).
    void runCheckpoint(CheckpointMode mode, bool confirmed = false);
    void cancel();
    bool isRunning() const;
    void setWaitMs(int ms);
    QTreeWidget *results() const { return m_results; }
    QString statusText() const;

signals:
    void finished(const kalito::CheckpointResult &result);

private:
    void showResult(const CheckpointResult &r);
    void setRunning(bool running, const QString &status);

    CheckpointController *m_controller;
    QList<QPushButton *> m_modeButtons;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_results = nullptr;
};

} // namespace kalito::ui
