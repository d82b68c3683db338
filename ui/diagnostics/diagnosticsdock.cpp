#include "diagnosticsdock.h"

#include "checkpointcontroller.h"
#include "checkpointpanel.h"
#include "connection.h"
#include "integritycontroller.h"
#include "integritypanel.h"
#include "livepage.h"
#include "lockspanel.h"

#include <QScrollArea>
#include <QTabBar>
#include <QTabWidget>

namespace kalito::ui {

DiagnosticsDock::DiagnosticsDock(Connection *connection, QWidget *parent)
    : QDockWidget(tr("Diagnostics"), parent), m_connection(connection)
{
    setObjectName(QStringLiteral("dockDiagnostics")); // the window state keeps docks by name
    m_tabs = new QTabWidget(this);
    m_live = new LivePage(connection, m_tabs);
    m_checkpointController = new CheckpointController(connection, this);
    m_integrityController = new IntegrityController(connection, this);
    m_checkpoint = new CheckpointPanel(m_checkpointController, m_tabs);
    m_integrity = new IntegrityPanel(m_integrityController, m_tabs);
    m_locks = new LocksPanel(m_tabs);
    m_tabs->tabBar()->setAccessibleName(tr("Diagnostics pages"));
    m_tabs->addTab(m_live, tr("WAL and settings"));
    m_tabs->addTab(m_checkpoint, tr("Checkpoint"));
    m_tabs->addTab(m_integrity, tr("Integrity"));
    m_tabs->addTab(m_locks, tr("Locks"));
    // When the dock is smaller than a page needs, it scrolls, rather than making the dock (and
    // with it the window) wider or taller than the screen, or cutting its buttons off (issue 20).
    auto *area = new QScrollArea(this);
    area->setObjectName(QStringLiteral("diagnosticsScroll"));
    area->setWidget(m_tabs);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    setWidget(area);
    connect(connection, &Connection::opened, this, &DiagnosticsDock::onOpened);
    if (connection->isOpen())
        onOpened(connection->openResult());
}

void DiagnosticsDock::onOpened(const OpenResult &result)
{
    if (!result.ok())
        return;
    m_live->setDatabasePath(result.path);
    m_locks->setDatabasePath(result.path);
}

} // namespace kalito::ui
