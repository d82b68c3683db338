#pragma once

#include "openoptions.h"
#include "openresult.h"

#include <QMainWindow>

namespace kalito {
class Connection;
}

namespace kalito::ui {

class DesktopShell;
class BrowserWidget;
class OverviewPage;
class SearchDock;
class SessionExportController;

// Composes the pages and docks; owns no SQL. Every request goes through the Connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Connection *connection, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a database through the connection; errors are shown in a dialog.
    void openDatabase(const OpenOptions &requested);
    // Opens the session and selects the message (search results use this).
    void showMessage(const QString &sessionId, qint64 messageId, const QString &sessionName = QString());
    BrowserWidget *browser() const { return m_browser; }
    SearchDock *searchDock() const { return m_search; }
    SessionExportController *exportController() const { return m_export; }
    DesktopShell *desktopShell() const { return m_desktop; }

signals:
    void databaseOpened(const kalito::OpenResult &result);
    // F5 / View > Refresh: views that show database content reload on this.
    void refreshRequested();

private:
    void onOpened(const OpenResult &result);
    void refresh();
    void refreshOverview();

    Connection *m_connection;
    OverviewPage *m_overview = nullptr;
    SearchDock *m_search = nullptr;
    SessionExportController *m_export = nullptr;
    DesktopShell *m_desktop = nullptr;
    QString m_copyFolder; // a read-only copy opened instead of the original, removed on exit
    BrowserWidget *m_browser = nullptr;
};

} // namespace kalito::ui
