#include "sqllogdock.h"

#include "connection.h"
#include "sqllog.h"
#include "sqllogmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kalito::ui {

SqlLogDock::SqlLogDock(Connection *connection, QWidget *parent)
    : QDockWidget(tr("SQL Log"), parent), m_connection(connection)
{
    setObjectName(QStringLiteral("dockSqlLog")); // the window state keeps docks by name
    m_model = new SqlLogModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto *clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, m_model, &SqlLogModel::clear);
    auto *note =
        new QLabel(SqlLog::errorLogInstalled()
                       ? tr("Statements with their durations, and SQLite's error log.")
                       : tr("Statements with their durations. SQLite's error log is off: it must be set "
                            "before the first connection opens."),
                   this);
    note->setTextFormat(Qt::PlainText);
    note->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(note, 1);
    top->addWidget(clear);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->addLayout(top);
    layout->addWidget(m_view);
    setWidget(body);

    // Polled, not signalled: the trace callback runs on the connection thread for every
    // statement and must stay cheap.
    m_timer = new QTimer(this);
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_model->pull() > 0)
            m_view->scrollToBottom();
    });
    // Attached inside the open itself: the first statements of a database (its schema, the first
    // page of sessions) are in the log too, in the order they ran.
    connection->addOpenHook([](Database &db) { SqlLog::instance().attach(db.handle()); });
}

void SqlLogDock::showEvent(QShowEvent *event)
{
    QDockWidget::showEvent(event);
    m_model->pull();
    m_timer->start();
}

void SqlLogDock::hideEvent(QHideEvent *event)
{
    QDockWidget::hideEvent(event);
    m_timer->stop();
}

} // namespace kalito::ui
