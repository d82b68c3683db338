#include "notespane.h"
#include "steppedwork.h"

#include "browse/sessionnotes.h"
#include "connection.h"
#include "errortext.h"
#include "notedelegate.h"
#include "notesmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kalito::ui {

NotesPane::NotesPane(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_model(new NotesModel(this)), m_view(new QTableView(this)),
      m_reason(new QLabel(this)), m_toggle(new QToolButton(this)), m_readNote(new QLabel(this))
{
    m_view->setAccessibleName(tr("Pins and summaries"));
    m_view->setAccessibleDescription(
        tr("The session's pinned messages and summaries; choosing one shows its message"));
    // The arrow before the title opens and closes the pane (closed, nothing is read). The title
    // wraps rather than widen the column (a button's text would not).
    auto *title = new QLabel(tr("Pins and summaries"), this);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    m_toggle->setCheckable(true);
    m_toggle->setChecked(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::DownArrow);
    m_toggle->setAccessibleName(tr("Pins and summaries"));
    m_toggle->setToolTip(tr("Open or close the pins and summaries"));
    connect(m_toggle, &QToolButton::clicked, this, [this](bool open) {
        m_chosen = true;
        setOpen(open);
    });
    m_readNote->setTextFormat(Qt::PlainText);
    m_readNote->setWordWrap(true);
    m_readNote->setVisible(false);
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setVisible(false);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Each note a card with its whole text wrapped (NoteDelegate) in the one column shown; kind,
    // details, importance and time on the card's quiet line. Rows are as tall as their text.
    m_view->setWordWrap(true); // the delegate is measured at the column's width
    m_view->setItemDelegateForColumn(NotesModel::Text, new NoteDelegate(m_view));
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setVisible(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setShowGrid(false);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    for (int c = 0; c < NotesModel::NumColumns; ++c)
        m_view->setColumnHidden(c, c != NotesModel::Text);
    // The width changes the height of every card: measured again (a session has few notes).
    // Queued: the header tells the new width before the view has taken it (a scroll bar that
    // appears narrows it once more), so the rows are measured once things have settled.
    connect(m_view->horizontalHeader(), &QHeaderView::sectionResized, m_view,
            &QTableView::resizeRowsToContents, Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTableView::resizeRowsToContents,
            Qt::QueuedConnection);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QHBoxLayout;
    heading->setContentsMargins(0, 0, 0, 0);
    heading->addWidget(m_toggle);
    heading->addWidget(title, 1);
    layout->addLayout(heading);
    layout->addWidget(m_reason);
    layout->addWidget(m_readNote);
    layout->addWidget(m_view, 1);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        bool ok = false;
        const qint64 id = index.data(NotesModel::SourceMessageRole).toString().toLongLong(&ok);
        if (ok)
            emit jumpToMessage(id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                if (m_restoring)
                    return;
                bool ok = false;
                const qint64 id = index.data(NotesModel::SourceMessageRole).toString().toLongLong(&ok);
                if (ok)
                    emit jumpToMessage(id);
            });
}

void NotesPane::setSchema(const SchemaInfo &schema)
{
    m_schema = schema;
    QStringList reasons;
    for (const char *t : {"semantic_pins", "conversation_summaries"}) {
        const QString r = ErrorText::unavailable(schema, QLatin1String(t));
        if (!r.isEmpty())
            reasons << r;
    }
    m_reason->setText(reasons.join(QLatin1Char('\n')));
    m_reason->setVisible(!reasons.isEmpty());
    m_view->setEnabled(reasons.size() < 2);
    setSession(QString());
    // How much a session's notes cost to find: open or closed from the start.
    m_unindexedRows = -1;
    const LatestReply::Ticket ticket = m_latestCost.next();
    whenCurrent(this,
                m_connection->run([schema](Database &db) { return SessionNotes::unindexedRows(db, schema); },
                                  Connection::Priority::Background, ticket.token()),
                ticket, [this](qint64 rows) {
                    m_unindexedRows = rows;
                    if (!m_chosen)
                        m_open = rows <= kOpenRows;
                    showOpenState();
                    scanIfShown();
                });
}

void NotesPane::setSession(const QString &sessionId)
{
    m_sessionId = sessionId;
    m_scannedFor.clear();
    m_latestScan.drop();
    m_model->setNotes({});
    scanIfShown();
}

void NotesPane::refresh()
{
    m_scannedFor.clear();
    scanIfShown();
}

void NotesPane::setOpen(bool open)
{
    m_open = open;
    if (!open) { // a scan under way stops; opened again, the notes are read again
        m_latestScan.drop();
        m_scannedFor.clear();
    }
    showOpenState();
    scanIfShown();
}

void NotesPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    scanIfShown();
}

void NotesPane::showOpenState()
{
    m_toggle->setChecked(m_open);
    m_toggle->setArrowType(m_open ? Qt::DownArrow : Qt::RightArrow);
    m_view->setVisible(m_open);
    const bool large = m_unindexedRows > kOpenRows;
    m_readNote->setVisible(large);
    if (large) {
        const QString rows = QLocale().toString(m_unindexedRows);
        m_readNote->setText(
            m_open ? tr("No index finds a conversation's notes: %1 rows are read for each, only while this "
                        "pane is open.")
                         .arg(rows)
                   : tr("Closed: no index finds a conversation's notes, so %1 rows would be read for each. "
                        "Open the pane to read them.")
                         .arg(rows));
    }
}

void NotesPane::scanIfShown()
{
    // Only what the person can see is read: the pane open, on screen, its cost known.
    if (m_sessionId.isEmpty() || !m_open || !isVisible() || m_unindexedRows < 0 ||
        m_scannedFor == m_sessionId)
        return;
    m_scannedFor = m_sessionId;
    const QString sessionId = m_sessionId;
    const LatestReply::Ticket ticket = m_latestScan.next();
    SessionNotes::Scan start = SessionNotes::startScan(m_schema, sessionId);
    start.cancel = ticket.token();
    // Background steps: the session's first page of messages, and any other session clicked
    // meanwhile, go before this scan (Kalito has no index on the notes' session_id).
    runInSteps(
        m_connection, this, std::move(start), &SessionNotes::step,
        [this](const SessionNotes::Scan &scan) {
            if (scan.databaseChanged)
                return;
            const SessionNotes &notes = scan.result;
            const QString current = m_view->currentIndex().isValid()
                                        ? m_model->noteAt(m_view->currentIndex().row())->id
                                        : QString();
            m_model->setNotes(notes.notes);
            for (int row = 0; row < m_model->rowCount() && !current.isEmpty(); ++row) {
                if (m_model->noteAt(row)->id == current) {
                    // Restoring the selection after a refresh is no request to jump.
                    m_restoring = true;
                    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                              QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
                    m_restoring = false;
                }
            }
            emit loaded();
        },
        ticket.wanted());
}

} // namespace kalito::ui
