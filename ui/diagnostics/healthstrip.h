#pragma once

#include "checkpointresult.h"
#include "healthsample.h"
#include "integrityresult.h"
#include "openresult.h"

#include <QToolBar>

class QHBoxLayout;
class QLabel;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QToolButton;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class CheckpointController;
class DiagnosticsDock;
class HealthFigures;
class HealthMonitor;
class IntegrityController;

// The database's health at a glance, in view beside the browsing pages: live -wal and -shm sizes,
// the WAL backlog, the readers pinning the WAL, the last checkpoint and the last check, with
// Checkpoint and Integrity buttons that show progress and Cancel in place. It shares the runners
// of the Diagnostics dock (one click away, "Details") and warns, in colour and in words, when the
// backlog or the -wal keeps growing or a reader pins the WAL for more than a minute.
class HealthStrip : public QToolBar
{
    Q_OBJECT
public:
    HealthStrip(Connection *connection, DiagnosticsDock *details, QWidget *parent = nullptr);

    HealthMonitor *monitor() const { return m_monitor; }
    QString walText() const;
    QString shmText() const;
    QString backlogText() const;
    QString readersText() const;
    QString checkpointText() const;
    QString checkText() const;
    QString warningText() const; // empty when all is well
    QToolButton *checkpointButton() const { return m_checkpoint; }
    QToolButton *integrityButton() const { return m_integrity; }
    QToolButton *checkpointCancelButton() const { return m_checkpointCancel; }
    QToolButton *integrityCancelButton() const { return m_integrityCancel; }
    QProgressBar *integrityProgress() const { return m_integrityProgress; }
    QToolButton *detailsButton() const { return m_details; }

private:
    void onOpened(const OpenResult &result);
    void showSample(const HealthSample &s);
    void showCheckpoint(const CheckpointResult &r);
    void showCheck(const IntegrityResult &r);
    void onIntegrityProgress(int done, int total);
    QToolButton *addRunner(QStackedWidget **stack, QToolButton **cancel, QProgressBar **progress);

    Connection *m_connection;
    DiagnosticsDock *m_detailsDock;
    CheckpointController *m_checkpointController;
    IntegrityController *m_integrityController;
    HealthMonitor *m_monitor;
    QLabel *m_wal = nullptr;
    QLabel *m_shm = nullptr;
    QLabel *m_backlog = nullptr;
    QLabel *m_readers = nullptr;
    QLabel *m_warning = nullptr;
    QString m_warningText; // in full; the label shows as much as the strip has room for
    QHBoxLayout *m_row = nullptr;
    HealthFigures *m_figures = nullptr;
    QStackedWidget *m_checkpointStack = nullptr;
    QToolButton *m_checkpoint = nullptr;
    QToolButton *m_checkpointCancel = nullptr;
    QProgressBar *m_checkpointProgress = nullptr;
    QLabel *m_checkpointResult = nullptr;
    QStackedWidget *m_integrityStack = nullptr;
    QToolButton *m_integrity = nullptr;
    QToolButton *m_integrityCancel = nullptr;
    QProgressBar *m_integrityProgress = nullptr;
    QLabel *m_checkResult = nullptr;
    QToolButton *m_details = nullptr;
    bool m_readOnly = false;
};

} // namespace kalito::ui
