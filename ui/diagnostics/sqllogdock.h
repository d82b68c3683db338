#pragma once

#include <QDockWidget>

class QTableView;
class QTimer;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class SqlLogModel;

// The SQL log as a dock: every statement the inspector runs (sqlite3_trace_v2 profile events,
// attached to the connection after each open) and SQLite's own error log.
class SqlLogDock : public QDockWidget
{
    Q_OBJECT
public:
    SqlLogDock(Connection *connection, QWidget *parent = nullptr);
    SqlLogModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    Connection *m_connection;
    SqlLogModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace kalito::ui
