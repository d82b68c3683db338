#pragma once

#include "openoptions.h"
#include "openresult.h"

#include <QMainWindow>

namespace kalito {
class Connection;
}

namespace kalito::ui {

class BrowserWidget;
class OverviewPage;

// Composes the pages and docks; owns no SQL. Every request goes through the Connection.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Connection *connection, QWidget *parent = nullptr);

    // Opens a database through the connection; errors are shown in a dialog.
    void openDatabase(const OpenOptions &options);
    // Opens the session and selects the message (search results use this).
    void showMessage(const QString &sessionId, qint64 messageId);
    BrowserWidget *browser() const { return m_browser; }

signals:
    void databaseOpened(const kalito::OpenResult &result);

private:
    void onOpened(const OpenResult &result);
    void refresh();

    Connection *m_connection;
    OverviewPage *m_overview = nullptr;
    BrowserWidget *m_browser = nullptr;
};

} // namespace kalito::ui
