#include "conversationspage.h"
#include "sessionsmodel.h"
#include "whenfinished.h"

#include "browse/sessionquery.h"
#include "connection.h"

#include "messagedetailpane.h"
#include "notespane.h"
#include "sessionspane.h"
#include "transcriptview.h"

#include <QHBoxLayout>
#include <QResizeEvent>
#include <QSplitter>

namespace kalito::ui {

ConversationsPage::ConversationsPage(Connection *connection, QWidget *parent)
    : QWidget(parent), m_sessions(new SessionsPane(connection, this)),
      m_transcript(new TranscriptView(connection, this)), m_detail(new MessageDetailPane(connection, this)),
      m_notes(new NotesPane(connection, this)), m_connection(connection)
{
    // The conversation shows every message whole: the pins and summaries get the right column's
    // room until a message is opened in full (issue 20).
    auto *right = new QSplitter(Qt::Vertical, this);
    m_right = right;
    right->setObjectName(QStringLiteral("rightColumn"));
    right->addWidget(m_detail);
    right->addWidget(m_notes);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 3);
    right->setSizes({150, 450});
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_sessions);
    split->addWidget(m_transcript);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 3);
    split->setChildrenCollapsible(false);
    m_split = split;
    // Until the person drags a column's edge, the columns are sized for what they hold
    // (fitColumns), at every window size.
    connect(split, &QSplitter::splitterMoved, this, [this] { m_splitDragged = true; });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_sessions, &SessionsPane::sessionSelected, this, &ConversationsPage::openSession);
    connect(m_transcript, &TranscriptView::messageSelected, m_detail, &MessageDetailPane::showMessage);
    connect(m_transcript, &TranscriptView::messageSelected, this,
            [this](qint64 id) { giveRoomToDetail(id >= 0); });
    connect(m_notes, &NotesPane::jumpToMessage, m_transcript,
            [this](qint64 id) { m_transcript->showMessage(id); });
    // A find's or a search result's text, highlighted in the message read in full too.
    connect(m_transcript, &TranscriptView::highlightChanged, m_detail, &MessageDetailPane::setHighlight);
}

void ConversationsPage::setSchema(const SchemaInfo &schema)
{
    m_schema = schema;
    m_sessionId.clear();
    m_detail->clear();
    emit sessionOpened(QString(), QString()); // another database: nothing of the old one is shown
    m_sessions->setSchema(schema);
    m_transcript->setSchema(schema);
    m_notes->setSchema(schema);
}

void ConversationsPage::refresh()
{
    m_sessions->refresh();
    m_transcript->refresh();
    m_notes->refresh();
    if (m_detail->messageId() >= 0)
        m_detail->showMessage(m_detail->messageId());
}

void ConversationsPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_splitDragged)
        fitColumns();
}

void ConversationsPage::fitColumns()
{
    // The list gets room for a session's name beside its persona, count and time (up to two
    // fifths of the page), the right column a quarter (the pins and summaries wrap), and the
    // conversation the rest. Minimum widths still win at a very small window.
    const int handles = 2 * m_split->handleWidth();
    const int total = m_split->width() - handles;
    if (total <= 0)
        return;
    const int list =
        qMax(m_sessions->minimumSizeHint().width(), qMin(m_sessions->preferredWidth(), total * 2 / 5));
    const int right = qMax(m_detail->minimumSizeHint().width(), qMin(total / 4, 320));
    m_split->setSizes({list, total - list - right, right});
}

void ConversationsPage::giveRoomToDetail(bool detail)
{
    const int total = m_right->height();
    const QList<int> sizes = m_right->sizes();
    // Only from one state to the other: a split the person dragged is theirs.
    if (detail && sizes.value(0) < total / 3)
        m_right->setSizes({total / 2, total - total / 2});
    else if (!detail && sizes.value(0) > total / 3)
        m_right->setSizes({total / 4, total - total / 4});
}

void ConversationsPage::openSession(const QString &sessionId, const QString &title)
{
    m_sessionId = sessionId;
    m_detail->clear();
    giveRoomToDetail(false);
    m_transcript->setSession(sessionId, title, m_sessions->model()->messageCount(sessionId));
    m_notes->setSession(sessionId);
    emit sessionOpened(sessionId, title);
    if (title.isEmpty())
        lookUpTitle(sessionId);
}

void ConversationsPage::lookUpTitle(const QString &sessionId)
{
    const SchemaInfo schema = m_schema;
    whenFinished(this, m_connection->run([schema, sessionId](Database &db) {
        return SessionQuery::name(db, schema, sessionId);
    }),
                 [this, sessionId](const QString &name) {
                     if (name.isEmpty() || sessionId != m_sessionId)
                         return;
                     m_transcript->setTitle(name);
                     emit sessionOpened(sessionId, name);
                 });
}

void ConversationsPage::showSession(const QString &sessionId, const QString &title)
{
    if (sessionId == m_sessionId)
        return;
    m_sessions->setCurrentSession(sessionId);
    openSession(sessionId, title);
}

void ConversationsPage::showMessage(const QString &sessionId, qint64 messageId, const QString &title,
                                    const QString &needle)
{
    if (sessionId != m_sessionId) {
        // Selected in the list when loaded (now or later); the transcript opens at once.
        m_sessions->setCurrentSession(sessionId);
        openSession(sessionId, title);
    }
    m_transcript->showMessage(messageId, needle);
}

} // namespace kalito::ui
