#pragma once

#include "openresult.h"

#include <QDockWidget>

class QTabWidget;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class CheckpointController;
class CheckpointPanel;
class IntegrityController;
class IntegrityPanel;
class LivePage;
class LocksPanel;

// Diagnostics for maintainers: live WAL and -shm, checkpoints, integrity checks, locks.
// Follows the Connection by itself (its opened signal), so MainWindow only has to add it.
class DiagnosticsDock : public QDockWidget
{
    Q_OBJECT
public:
    DiagnosticsDock(Connection *connection, QWidget *parent = nullptr);

    LivePage *livePage() const { return m_live; }
    CheckpointPanel *checkpointPanel() const { return m_checkpoint; }
    IntegrityPanel *integrityPanel() const { return m_integrity; }
    LocksPanel *locksPanel() const { return m_locks; }
    // The runners behind the Checkpoint and Integrity tabs, for other views to share.
    CheckpointController *checkpointController() const { return m_checkpointController; }
    IntegrityController *integrityController() const { return m_integrityController; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void onOpened(const OpenResult &result);

    Connection *m_connection;
    CheckpointController *m_checkpointController = nullptr;
    IntegrityController *m_integrityController = nullptr;
    QTabWidget *m_tabs = nullptr;
    LivePage *m_live = nullptr;
    CheckpointPanel *m_checkpoint = nullptr;
    IntegrityPanel *m_integrity = nullptr;
    LocksPanel *m_locks = nullptr;
};

} // namespace kalito::ui
