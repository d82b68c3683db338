#include "mainwindow.h"

#include "browse/browserwidget.h"
#include "connection.h"
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
    m_browser = new BrowserWidget(connection, this);
    m_browser->addPage(m_overview, tr("Overview"));
    setCentralWidget(m_browser);
    resize(1280, 800);
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
    m_browser->load();
    refresh();
}

void MainWindow::showMessage(const QString &sessionId, qint64 messageId)
{
    m_browser->showMessage(sessionId, messageId);
}

void MainWindow::refresh()
{
    m_connection->run([](Database &db) { return StatusReport::collect(db); })
        .then(this, [this](const StatusReport &r) { m_overview->setReport(r); });
}

} // namespace kalito::ui
