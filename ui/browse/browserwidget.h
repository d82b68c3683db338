#pragma once

#include "browse/schemainfo.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class ConversationsPage;
class DataVersionWatcher;
class TableBrowser;

// The browsing area: Conversations, Personas and Tables pages (plus pages others add), fed by
// one schema read, refreshed when another process writes.
class BrowserWidget : public QWidget
{
    Q_OBJECT
public:
    explicit BrowserWidget(Connection *connection, QWidget *parent = nullptr);

    // After the connection opened a database: reads the schema and sets every page up.
    void load();
    void addPage(QWidget *page, const QString &title);
    void showMessage(const QString &sessionId, qint64 messageId, const QString &sessionName = QString(),
                     const QString &needle = QString());
    // Opens the session's conversation (the Space page's sessions use this).
    void showSession(const QString &sessionId, const QString &sessionName = QString());
    void refresh();

    const SchemaInfo &schema() const { return m_schema; }
    QTabWidget *tabs() const { return m_tabs; }
    ConversationsPage *conversations() const { return m_conversations; }
    TableBrowser *personas() const { return m_personas; }
    TableBrowser *tables() const { return m_tables; }
    DataVersionWatcher *watcher() const { return m_watcher; }

signals:
    void schemaLoaded();

private:
    void applySchema(const SchemaInfo &schema);
    void refreshCurrentPage();

    Connection *m_connection;
    SchemaInfo m_schema;
    QTabWidget *m_tabs;
    QLabel *m_notice;
    ConversationsPage *m_conversations;
    TableBrowser *m_personas;
    TableBrowser *m_tables;
    DataVersionWatcher *m_watcher;
    QSet<QWidget *> m_stalePages; // pages another process wrote under since they were last read
};

} // namespace kalito::ui
