#pragma once

#include "openoptions.h"
#include "openresult.h"

#include <QObject>

class QMainWindow;

namespace kalito::ui {

class DropOpener;
class FileActions;
class RecentFiles;
class StatusIndicators;
class WindowStateKeeper;

// What makes the window behave like the other applications on the desktop: File/View/Help menus
// with standard shortcuts, recent files, drag and drop of a database, the remembered window
// layout and the status bar fields. MainWindow composes it with a few connections; it asks for
// opens and refreshes through signals and never touches the connection.
class DesktopShell : public QObject
{
    Q_OBJECT
public:
    explicit DesktopShell(QMainWindow *window);

    RecentFiles *recentFiles() const { return m_recent; }
    FileActions *fileActions() const { return m_actions; }
    StatusIndicators *statusIndicators() const { return m_status; }
    WindowStateKeeper *windowStateKeeper() const { return m_state; }

    // Every way of opening (menu, recent list, drop) ends here.
    void openFile(const QString &path, bool readOnly);

    // Follows Connection::opened: on a successful open, the recent list, last database, status bar.
    void databaseOpened(const kalito::OpenResult &result);

signals:
    void openRequested(const kalito::OpenOptions &options);
    void refreshRequested();

private:
    void showAbout();

    QMainWindow *m_window;
    RecentFiles *m_recent;
    FileActions *m_actions;
    DropOpener *m_drop;
    StatusIndicators *m_status;
    WindowStateKeeper *m_state;
};

} // namespace kalito::ui
