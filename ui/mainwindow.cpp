#include "mainwindow.h"
#include "errortext.h"
#include "whenfinished.h"

#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "databaseopener.h"
#include "desktopshell.h"
#include "diagnosticsdock.h"
#include "fileactions.h"
#include "healthstrip.h"
#include "logging.h"
#include "openstatus.h"
#include "overviewpage.h"
#include "pathresolver.h"
#include "searchdock.h"
#include "sessionexportcontroller.h"
#include "space/spacepage.h"
#include "sqllogdock.h"
#include "statusreport.h"
#include "windowfit.h"
#include "windownotice.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace kalito::ui {

MainWindow::MainWindow(Connection *connection, QWidget *parent)
    : QMainWindow(parent), m_connection(connection)
{
    setWindowTitle(tr("Kalito Inspector"));
    m_overview = new OverviewPage(connection, this);
    m_browser = new BrowserWidget(connection, this);
    m_overview->followChanges(m_browser->watcher());
    m_browser->addPage(m_overview, tr("Overview"));
    // Where the bytes go (issue 23): read when first shown for a database; a session or a
    // message in it opens its conversation.
    m_space = new SpacePage(connection, this);
    m_space->setObjectName(QStringLiteral("spacePage"));
    m_browser->addPage(m_space, tr("Space"));
    connect(m_space, &SpacePage::openSession, this,
            [this](const QString &id, const QString &name) { m_browser->showSession(id, name); });
    connect(
        m_space, &SpacePage::openMessage, this,
        [this](const QString &id, qint64 message, const QString &name) { showMessage(id, message, name); });
    connect(connection, &Connection::opened, m_space, [this](const OpenResult &result) {
        if (result.ok())
            m_space->reset();
    });
    // The notice above the pages says when they show a demo, or nothing, and what to do next.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_notice = new WindowNotice(central);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_browser, 1);
    setCentralWidget(central);
    m_notice->showNothingOpen(QString());
    // Saved geometry, when there is some, replaces this when the window is first shown.
    const WindowFit fit = WindowFit::forScreen(screen() ? screen()->availableGeometry() : QRect());
    resize(fit.size);
    if (fit.maximized)
        setWindowState(windowState() | Qt::WindowMaximized);
    setMinimumSize(640, 400); // below this the lists and labels are cut to nothing

    m_desktop = new DesktopShell(this); // File/View/Help menus, recent files, drop, status bar, layout
    connect(m_desktop, &DesktopShell::openRequested, this, &MainWindow::openDatabase);
    connect(m_notice, &WindowNotice::openRequested, m_desktop->fileActions()->openAction(),
            &QAction::trigger);
    // Opening runs off the GUI thread; the status bar shows how far it got.
    m_opener = new DatabaseOpener(connection, this);
    statusBar()->addPermanentWidget(new OpenStatus(m_opener, this)); // temporary messages leave it in view
    connect(m_opener, &DatabaseOpener::opened, this, &MainWindow::onOpened);
    connect(m_opener, &DatabaseOpener::copyFailed, this, &MainWindow::onCopyFailed);
    connect(m_opener, &DatabaseOpener::demoFailed, this, [this](const DbError &error) {
        QMessageBox::critical(this, tr("Cannot create the demo database"), ErrorText::describe(error));
    });
    connect(m_desktop->fileActions(), &FileActions::openCopyRequested, this, [this](const QString &path) {
        OpenOptions options;
        options.path = path;
        options.readOnly = true;
        m_opener->openCopy(options);
    });
    connect(m_desktop, &DesktopShell::refreshRequested, this, &MainWindow::refreshRequested);
    connect(this, &MainWindow::refreshRequested, this, &MainWindow::refresh);
    // The parts learn of an open from the connection, as the docks and the health strip do.
    connect(connection, &Connection::opened, m_desktop, &DesktopShell::databaseOpened);
    QMenu *viewMenu = m_desktop->fileActions()->viewMenu();

    // Search (Ctrl+F) and export: their own classes; the window only composes them.
    m_search = new SearchDock(connection, this);
    addDockWidget(Qt::RightDockWidgetArea, m_search);
    m_search->hide();
    m_export = new SessionExportController(connection, this);
    connect(m_search, &SearchDock::openMessage, this, &MainWindow::showMessage);
    // Ctrl+F: inside the conversation (the focus in the transcript, a session open) it finds in
    // that conversation; anywhere else it opens the search of all messages.
    disconnect(m_search->findAction(), &QAction::triggered, m_search, &SearchDock::activateFind);
    connect(m_search->findAction(), &QAction::triggered, this, [this] {
        TranscriptView *transcript = m_browser->conversations()->transcript();
        QWidget *focus = QApplication::focusWidget();
        if (focus && transcript->isAncestorOf(focus) && transcript->canFind())
            transcript->openFind();
        else
            m_search->activateFind();
    });
    connect(m_search, &SearchDock::exportSessionRequested, m_export, &SessionExportController::exportSession);
    connect(m_export, &SessionExportController::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    // A long session takes a while to export: the status bar offers to stop it while it runs.
    auto *cancelExport = new QToolButton(this);
    cancelExport->setObjectName(QStringLiteral("cancelExport"));
    cancelExport->setText(tr("Cancel export"));
    cancelExport->setAutoRaise(true);
    cancelExport->hide();
    statusBar()->addPermanentWidget(cancelExport); // a temporary message (the progress) hides the others
    connect(cancelExport, &QToolButton::clicked, m_export, &SessionExportController::cancel);
    connect(m_export, &SessionExportController::runningChanged, cancelExport, &QWidget::setVisible);
    connect(connection, &Connection::opened, m_search, [this](const OpenResult &result) {
        if (result.ok())
            m_search->reset();
    });
    // Export follows the session the transcript shows, however it was opened (list or search).
    connect(m_browser->conversations(), &ConversationsPage::sessionOpened, m_export,
            &SessionExportController::setCurrentSession);
    m_desktop->fileActions()->addFileAction(m_export->action()); // above Quit
    QMenu *editMenu = new QMenu(tr("&Edit"), this);
    editMenu->setObjectName(QStringLiteral("menuEdit"));
    editMenu->addAction(m_search->findAction());
    editMenu->addAction(m_search->searchAllAction());
    menuBar()->insertMenu(viewMenu->menuAction(), editMenu);

    // Diagnostics: WAL, checkpoints, integrity, locks; and the SQL log.
    auto *diagnostics = new DiagnosticsDock(m_connection, this);
    auto *sqlLog = new SqlLogDock(m_connection, this);
    addDockWidget(Qt::BottomDockWidgetArea, diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, sqlLog);
    tabifyDockWidget(diagnostics, sqlLog);
    // Hidden until asked for (View menu; the layout is remembered): with them the window could not
    // shrink below about 800x800, too tall for a small laptop screen.
    diagnostics->hide();
    sqlLog->hide();
    viewMenu->addSeparator();
    viewMenu->addAction(m_search->toggleViewAction());
    viewMenu->addAction(diagnostics->toggleViewAction());
    viewMenu->addAction(sqlLog->toggleViewAction());
    // Always in view: -wal/-shm sizes, backlog, readers, Checkpoint and Integrity (issue 14).
    auto *health = new HealthStrip(m_connection, diagnostics, this);
    addToolBar(Qt::TopToolBarArea, health);
    viewMenu->addAction(health->toggleViewAction());
}

MainWindow::~MainWindow()
{
    delete m_opener; // stops a copy under way before its folder, or the one open, is removed
    if (!m_copyFolder.isEmpty())
        QDir(m_copyFolder).removeRecursively(); // a private copy of someone's data: do not leave it behind
}

void MainWindow::openDatabase(const OpenOptions &options)
{
    m_opener->open(options);
}

void MainWindow::createDemoDatabase(const OpenOptions &options)
{
    m_demoPaths << QFileInfo(options.path).absoluteFilePath();
    m_opener->createDemo(options);
}

void MainWindow::onCopyFailed(const DbError &error, bool cancelled)
{
    if (cancelled) {
        statusBar()->showMessage(tr("Copy cancelled; nothing of it was kept"), 8000);
        return;
    }
    QMessageBox::critical(this, tr("Cannot copy database"), ErrorText::describe(error));
}

void MainWindow::onOpened(const OpenResult &result, bool superseded)
{
    m_copyFolder = m_opener->copyFolder();
    if (!result.ok()) {
        // The connection kept what was open before: say so, and leave everything shown as it is.
        const QString kept = m_connection->isOpen() ? m_connection->openResult().path : QString();
        statusBar()->showMessage(
            kept.isEmpty()
                ? tr("Could not open %1").arg(result.path)
                : tr("Could not open %1; %2 is still open").arg(QFileInfo(result.path).fileName(), kept),
            15000);
        if (kept.isEmpty()) // one clear state: the notice says why nothing is open and what to do
            m_notice->showNothingOpen(
                tr("Could not open %1: %2").arg(result.path, ErrorText::reason(result.error)));
        if (superseded) // the person has asked for another file already: the status bar says it
            return;
        QMessageBox::critical(
            this, tr("Cannot open database"),
            kept.isEmpty() ? ErrorText::describe(result.error)
                           : tr("%1\n\n%2 is still open.").arg(ErrorText::describe(result.error), kept));
        return;
    }
    setWindowTitle(tr("%1 — Kalito Inspector").arg(result.path));
    const QString absolute = QFileInfo(result.path).absoluteFilePath();
    if (m_demoPaths.contains(absolute) ||
        absolute == QFileInfo(PathResolver::defaultDemoPath()).absoluteFilePath())
        m_notice->showDemo(result.path);
    else
        m_notice->hide();
    statusBar()->clearMessage(); // the permanent fields show the path and the mode
    emit databaseOpened(result);
    m_browser->load();
    refreshOverview();
}

void MainWindow::showMessage(const QString &sessionId, qint64 messageId, const QString &sessionName,
                             const QString &needle)
{
    m_browser->showMessage(sessionId, messageId, sessionName, needle);
}

void MainWindow::refresh()
{
    m_browser->refresh();
    refreshOverview();
}

void MainWindow::refreshOverview()
{
    m_overview->reload();
}

} // namespace kalito::ui
