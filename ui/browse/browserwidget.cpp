#include "browserwidget.h"
#include "errortext.h"
#include "whenfinished.h"

#include "connection.h"
#include "conversationspage.h"
#include "dataversionwatcher.h"
#include "tablebrowser.h"

#include <QLabel>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kalito::ui {

BrowserWidget::BrowserWidget(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_tabs(new QTabWidget(this)), m_notice(new QLabel(this)),
      m_conversations(new ConversationsPage(connection, this)),
      m_personas(
          new TableBrowser(connection, TableBrowser::Mode::FixedTable, QStringLiteral("personas"), this)),
      m_tables(new TableBrowser(connection, TableBrowser::Mode::TableList, QString(), this)),
      m_watcher(new DataVersionWatcher(connection, this))
{
    m_tabs->tabBar()->setAccessibleName(tr("Pages"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    m_tabs->addTab(m_conversations, tr("Conversations"));
    m_tabs->addTab(m_personas, tr("Personas"));
    m_tabs->addTab(m_tables, tr("Tables"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);
    connect(m_watcher, &DataVersionWatcher::changed, this, &BrowserWidget::refresh);
    connect(m_tabs, &QTabWidget::currentChanged, this, &BrowserWidget::refreshCurrentPage);
}

void BrowserWidget::addPage(QWidget *page, const QString &title)
{
    m_tabs->addTab(page, title);
}

void BrowserWidget::load()
{
    m_watcher->stop();
    whenFinished(this, m_connection->run([](Database &db) { return SchemaInfo::read(db); }),
                 [this](const SchemaInfo &s) { applySchema(s); });
}

void BrowserWidget::applySchema(const SchemaInfo &schema)
{
    m_schema = schema;
    m_stalePages.clear();
    const bool kalito = schema.isKalito();
    QString notice;
    if (schema.error.isError())
        notice = tr("Cannot read the schema: %1").arg(ErrorText::describe(schema.error));
    else if (!kalito)
        notice = tr("This SQLite file is not a Kalito database (no sessions and messages tables): "
                    "only the table browser is available.");
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
    m_conversations->setSchema(schema);
    m_personas->setSchema(schema);
    m_tables->setSchema(schema);
    const int conv = m_tabs->indexOf(m_conversations);
    const int pers = m_tabs->indexOf(m_personas);
    m_tabs->setTabEnabled(conv, kalito);
    m_tabs->setTabToolTip(conv,
                          kalito ? QString() : ErrorText::unavailable(schema, QStringLiteral("sessions")));
    const QString personasWhy = m_personas->unavailableReason();
    // A Kalito file without personas keeps the tab, which says why it is empty.
    m_tabs->setTabEnabled(pers, kalito || personasWhy.isEmpty());
    m_tabs->setTabToolTip(pers, personasWhy);
    m_tabs->setCurrentWidget(kalito ? static_cast<QWidget *>(m_conversations) : m_tables);
    m_watcher->start();
    emit schemaLoaded();
}

void BrowserWidget::refresh()
{
    // Only the page in view reads again now; the others when they are shown. With a writer busy
    // beside us this runs every second, and recounting a large table nobody looks at would make
    // every request the person is waiting for queue behind it.
    m_stalePages = {m_conversations, m_personas, m_tables};
    refreshCurrentPage();
}

void BrowserWidget::refreshCurrentPage()
{
    QWidget *page = m_tabs->currentWidget();
    if (!m_stalePages.remove(page))
        return;
    if (page == m_conversations)
        m_conversations->refresh();
    else if (page == m_personas)
        m_personas->refresh();
    else if (page == m_tables)
        m_tables->refresh();
}

void BrowserWidget::showSession(const QString &sessionId, const QString &sessionName)
{
    m_tabs->setCurrentWidget(m_conversations);
    m_conversations->showSession(sessionId, sessionName);
}

void BrowserWidget::showMessage(const QString &sessionId, qint64 messageId, const QString &sessionName,
                                const QString &needle)
{
    m_tabs->setCurrentWidget(m_conversations);
    m_conversations->showMessage(sessionId, messageId, sessionName, needle);
}

} // namespace kalito::ui
