#include "mainwindow.h"

#include "connection.h"
#include "desktopshell.h"
#include "overviewpage.h"
#include "statusreport.h"

#include <QMessageBox>
#include <QStatusBar>

namespace kalito::ui {

MainWindow::MainWindow(Connection *connection, QWidget *parent)
    : QMainWindow(parent), m_connection(connection)
{
    setWindowTitle(tr("Kalito Inspector"));
    m_overview = new OverviewPage(this);
    setCentralWidget(m_overview);
    resize(1100, 720);

    m_desktop = new DesktopShell(this); // menus, recent files, drop, status bar, remembered layout
    connect(m_desktop, &DesktopShell::openRequested, this, &MainWindow::openDatabase);
    connect(m_desktop, &DesktopShell::refreshRequested, this, &MainWindow::refreshRequested);
    connect(this, &MainWindow::refreshRequested, this, &MainWindow::refresh);
    connect(this, &MainWindow::databaseOpened, m_desktop, &DesktopShell::databaseOpened);
}

void MainWindow::openDatabase(const OpenOptions &options)
{
    statusBar()->showMessage(tr("Opening %1…").arg(options.path));
    m_connection->open(options).then(this, [this](const OpenResult &r) { onOpened(r); });
}

void MainWindow::onOpened(const OpenResult &result)
{
    if (!result.ok()) {
        statusBar()->showMessage(tr("Not open"));
        QMessageBox::critical(this, tr("Cannot open database"), result.error.toString());
        return;
    }
    setWindowTitle(tr("%1 — Kalito Inspector").arg(result.path));
    statusBar()->showMessage(result.readOnly ? tr("%1 (read-only)").arg(result.path)
                                             : tr("%1 (read-write)").arg(result.path));
    emit databaseOpened(result);
    refresh();
}

void MainWindow::refresh()
{
    m_connection->run([](Database &db) { return StatusReport::collect(db); })
        .then(this, [this](const StatusReport &r) { m_overview->setReport(r); });
}

} // namespace kalito::ui
