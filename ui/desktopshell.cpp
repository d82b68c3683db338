#include "desktopshell.h"

#include "settingswriter.h"

#include "dropopener.h"
#include "fileactions.h"
#include "recentfiles.h"
#include "statusindicators.h"
#include "windowstatekeeper.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace kalito::ui {

DesktopShell::DesktopShell(QMainWindow *window)
    : QObject(window), m_window(window), m_recent(new RecentFiles(this)),
      m_actions(new FileActions(window, m_recent)), m_drop(new DropOpener(window)),
      m_status(new StatusIndicators(window->statusBar())), m_state(new WindowStateKeeper(window))
{
    setObjectName(QStringLiteral("desktopShell"));
    connect(m_actions, &FileActions::openRequested, this, &DesktopShell::openFile);
    connect(m_actions, &FileActions::refreshRequested, this, &DesktopShell::refreshRequested);
    connect(m_actions, &FileActions::quitRequested, window, &QWidget::close);
    m_actions->refreshAction()->setEnabled(false); // nothing to read again before an open
    connect(m_drop, &DropOpener::fileDropped, this, [this](const QString &path) { openFile(path, false); });

    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    QAction *about = help->addAction(tr("&About Kalito Inspector"), this, &DesktopShell::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void DesktopShell::openFile(const QString &path, bool readOnly)
{
    OpenOptions options;
    options.path = path;
    options.readOnly = readOnly;
    emit openRequested(options);
}

void DesktopShell::databaseOpened(const OpenResult &result)
{
    if (!result.ok())
        return;
    m_recent->add(result.path, result.readOnly);
    SettingsWriter::write([path = result.path](QSettings &settings) {
        settings.setValue(QStringLiteral("lastDatabase"), path);
    });
    m_actions->setCurrentPath(result.path);
    m_actions->refreshAction()->setEnabled(true);
    m_status->setDatabase(result.path, result.readOnly);
}

void DesktopShell::showAbout()
{
    QMessageBox box(m_window);
    box.setWindowTitle(tr("About Kalito Inspector"));
    box.setIconPixmap(QApplication::windowIcon().pixmap(64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("Kalito Inspector %1").arg(QCoreApplication::applicationVersion()));
    box.setInformativeText(tr("Inspects kalito.db, the SQLite database of the Kalito chat backend: "
                              "sessions, messages and pins, the write-ahead log, checkpoints and "
                              "locks."));
    box.exec();
}

} // namespace kalito::ui
