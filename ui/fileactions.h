#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace kalito::ui {

class RecentFiles;

// The File and View menus of the window: Open, Open Read-Only, Open Recent (with Clear), Quit and
// Refresh, with the platform's standard shortcuts. It only asks; the window does the opening.
class FileActions : public QObject
{
    Q_OBJECT
public:
    // Asks the user for a file (parent, title, start folder) -> path, or empty when cancelled.
    using DialogProvider = std::function<QString(QWidget *, const QString &, const QString &)>;

    FileActions(QMainWindow *window, RecentFiles *recent);

    // Tests replace the file dialog; the default is DatabaseFileDialog.
    void setDialogProvider(DialogProvider provider) { m_dialog = std::move(provider); }
    // Where the dialog starts: the folder of the database open now.
    void setCurrentPath(const QString &path) { m_currentPath = path; }

    QAction *openAction() const { return m_open; }
    QAction *openReadOnlyAction() const { return m_openReadOnly; }
    QAction *openCopyAction() const { return m_openCopy; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *quitAction() const { return m_quit; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }
    // Adds an action to the File menu, above the separator before Quit (where the window puts
    // what it composes in, such as Export).
    void addFileAction(QAction *action);

signals:
    void openRequested(const QString &path, bool readOnly);
    // Open a private copy read-only: nothing is created or changed beside the original.
    void openCopyRequested(const QString &path);
    void refreshRequested();
    void quitRequested();

private:
    QString ask(const QString &title);
    void askAndOpen(bool readOnly);
    void rebuildRecentMenu();

    QMainWindow *m_window;
    RecentFiles *m_recent;
    DialogProvider m_dialog;
    QString m_currentPath;
    QAction *m_open = nullptr;
    QAction *m_openReadOnly = nullptr;
    QAction *m_openCopy = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_quit = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_quitSeparator = nullptr;
};

} // namespace kalito::ui
