#pragma once

#include "openoptions.h"
#include "openresult.h"

#include <QMainWindow>

namespace kalito {
class Connection;
}

namespace kalito::ui {

class DatabaseOpener;
class DesktopShell;
class BrowserWidget;
class OverviewPage;
class SearchDock;
class SpacePage;
class SessionExportController;
class WindowNotice;

// Composes the pages and docks; owns no SQL. Every request goes through the Connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Connection *connection, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a database through the connection, off the GUI thread (DatabaseOpener); errors are
    // shown in a dialog. Asked again while an open is under way, the latest request follows it.
    void openDatabase(const OpenOptions &options);
    // Creates the demo database at options.path, off the GUI thread, then opens it.
    void createDemoDatabase(const OpenOptions &options);
    // Opens the session and selects the message (search results use this).
    void showMessage(const QString &sessionId, qint64 messageId, const QString &sessionName = QString(),
                     const QString &needle = QString());
    BrowserWidget *browser() const { return m_browser; }
    SearchDock *searchDock() const { return m_search; }
    SpacePage *spacePage() const { return m_space; }
    SessionExportController *exportController() const { return m_export; }
    DesktopShell *desktopShell() const { return m_desktop; }
    DatabaseOpener *opener() const { return m_opener; }
    WindowNotice *notice() const { return m_notice; }

signals:
    // The window has taken the open in (title, browser loading): for tests and whoever embeds the
    // window. Its parts follow Connection::opened instead.
    void databaseOpened(const kalito::OpenResult &result);
    // F5 / View > Refresh: views that show database content reload on this.
    void refreshRequested();

private:
    void onOpened(const OpenResult &result, bool superseded);
    void onCopyFailed(const DbError &error, bool cancelled);
    void refresh();
    void refreshOverview();

    Connection *m_connection;
    OverviewPage *m_overview = nullptr;
    SpacePage *m_space = nullptr;
    SearchDock *m_search = nullptr;
    SessionExportController *m_export = nullptr;
    DesktopShell *m_desktop = nullptr;
    DatabaseOpener *m_opener = nullptr;
    QString m_copyFolder; // the read-only copy open now (DatabaseOpener), removed on exit
    BrowserWidget *m_browser = nullptr;
    WindowNotice *m_notice = nullptr;
    QStringList m_demoPaths; // demo databases made here: the notice says they are demos
};

} // namespace kalito::ui
