#include "fileactions.h"

#include "databasefiledialog.h"
#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace kalito::ui {

namespace {

// Menu text for a recent entry: an accelerator for the first nine, and the mode when read-only.
QString recentText(int index, const RecentFiles::Entry &entry)
{
    QString name = QDir::toNativeSeparators(entry.path);
    name.replace(QLatin1Char('&'), QLatin1String("&&"));
    if (entry.readOnly)
        name = FileActions::tr("%1 (read-only)").arg(name);
    return index < 9 ? QStringLiteral("&%1 %2").arg(index + 1).arg(name) : name;
}

} // namespace

FileActions::FileActions(QMainWindow *window, RecentFiles *recent)
    : QObject(window), m_window(window), m_recent(recent), m_dialog(&DatabaseFileDialog::getOpenFileName)
{
    setObjectName(QStringLiteral("fileActions"));

    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this);
    m_open->setObjectName(QStringLiteral("actionOpen"));
    m_open->setShortcut(QKeySequence::Open);
    m_open->setStatusTip(tr("Open a database to inspect"));
    connect(m_open, &QAction::triggered, this, [this] { askAndOpen(false); });

    m_openReadOnly = new QAction(tr("Open &Read-Only…"), this);
    m_openReadOnly->setObjectName(QStringLiteral("actionOpenReadOnly"));
    m_openReadOnly->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openReadOnly->setStatusTip(tr("Open a database without ever writing to it"));
    connect(m_openReadOnly, &QAction::triggered, this, [this] { askAndOpen(true); });

    m_openCopy = new QAction(tr("Open a Read-Only &Copy…"), this);
    m_openCopy->setObjectName(QStringLiteral("actionOpenCopy"));
    m_openCopy->setStatusTip(tr("Copy a database and its WAL to a private folder and open the copy: "
                                "nothing is created beside the original"));
    connect(m_openCopy, &QAction::triggered, this, [this] {
        const QString path = ask(tr("Open a Read-Only Copy"));
        if (!path.isEmpty())
            emit openCopyRequested(path);
    });

    m_recentMenu = new QMenu(tr("Open &Recent"), window);
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recent, &RecentFiles::changed, this, &FileActions::rebuildRecentMenu);

    m_quit = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quit->setObjectName(QStringLiteral("actionQuit"));
    m_quit->setShortcut(QKeySequence::Quit);
    if (m_quit->shortcuts().isEmpty()) // some platform themes bind nothing to Quit; Ctrl+Q everywhere
        m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &FileActions::quitRequested);

    m_refresh = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("actionRefresh"));
    // F5 everywhere, plus the platform's own key where it differs (Ctrl+R on macOS).
    QList<QKeySequence> refreshKeys{QKeySequence(Qt::Key_F5)};
    for (const QKeySequence &k : QKeySequence::keyBindings(QKeySequence::Refresh)) {
        if (!refreshKeys.contains(k))
            refreshKeys.append(k);
    }
    m_refresh->setShortcuts(refreshKeys);
    m_refresh->setStatusTip(tr("Read the database again"));
    connect(m_refresh, &QAction::triggered, this, &FileActions::refreshRequested);

    m_fileMenu = window->menuBar()->addMenu(tr("&File"));
    m_fileMenu->setObjectName(QStringLiteral("menuFile"));
    m_fileMenu->addAction(m_open);
    m_fileMenu->addAction(m_openReadOnly);
    m_fileMenu->addAction(m_openCopy);
    m_fileMenu->addMenu(m_recentMenu);
    m_quitSeparator = m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_viewMenu = window->menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    m_viewMenu->addAction(m_refresh);

    rebuildRecentMenu();
}

void FileActions::addFileAction(QAction *action)
{
    m_fileMenu->insertAction(m_quitSeparator, action);
}

QString FileActions::ask(const QString &title)
{
    const QString start =
        m_currentPath.isEmpty() ? QDir::homePath() : QFileInfo(m_currentPath).absolutePath();
    return m_dialog(m_window, title, start);
}

void FileActions::askAndOpen(bool readOnly)
{
    const QString path = ask(readOnly ? tr("Open Database Read-Only") : tr("Open Database"));
    if (!path.isEmpty())
        emit openRequested(path, readOnly);
}

void FileActions::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<RecentFiles::Entry> entries = m_recent->entries();
    for (int i = 0; i < entries.size(); ++i) {
        const RecentFiles::Entry entry = entries.at(i);
        QAction *action = m_recentMenu->addAction(recentText(i, entry));
        action->setData(entry.path);
        connect(action, &QAction::triggered, this,
                [this, entry] { emit openRequested(entry.path, entry.readOnly); });
    }
    if (!entries.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear List"));
    clear->setObjectName(QStringLiteral("actionClearRecent"));
    clear->setEnabled(!entries.isEmpty());
    connect(clear, &QAction::triggered, m_recent, &RecentFiles::clear);
    m_recentMenu->setEnabled(true);
}

} // namespace kalito::ui
