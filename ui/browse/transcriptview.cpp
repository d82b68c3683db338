#include "transcriptview.h"
#include "errortext.h"

#include "browse/messagequery.h"
#include "busyindicator.h"
#include "conversationcopier.h"
#include "conversationhighlighter.h"
#include "conversationview.h"
#include "elidedlabel.h"
#include "findbar.h"
#include "highlightdelegate.h"
#include "livefollower.h"
#include "messagesmodel.h"
#include "settingswriter.h"

#include <QAction>
#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kalito::ui {

TranscriptView::TranscriptView(Connection *connection, QWidget *parent)
    : QWidget(parent), m_model(new MessagesModel(connection, this)),
      m_title(new ElidedLabel(Qt::ElideRight, this)), m_status(new QLabel(this)),
      m_unavailable(new QLabel(this)), m_problem(new QLabel(this)), m_view(new QTableView(this)),
      m_conversation(new ConversationView(connection, m_model, this)), m_stack(new QStackedWidget(this)),
      m_conversationButton(new QToolButton(this)), m_gridButton(new QToolButton(this)),
      m_cancelCopy(new QToolButton(this)), m_copier(new ConversationCopier(connection, this)),
      m_start(new QToolButton(this)), m_end(new QToolButton(this)), m_busy(new BusyIndicator(this)),
      m_find(new FindBar(connection, this)), m_highlighter(new HighlightDelegate(this))
{
    m_status->setTextFormat(Qt::PlainText);
    m_unavailable->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("transcriptTitle"));
    m_title->setFullText(tr("Select a session"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setVisible(false);
    // What went wrong reading the rows is often long (a path, an index, SQLite's words): in the
    // header's one line it pushed the title out and was cut itself.
    m_problem->setObjectName(QStringLiteral("transcriptProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setVisible(false);
    m_start->setText(tr("First"));
    m_start->setToolTip(tr("Jump to the first message"));
    m_end->setText(tr("Last"));
    m_end->setToolTip(tr("Jump to the last message"));
    m_conversationButton->setText(tr("Conversation"));
    m_conversationButton->setToolTip(tr("Each message whole and wrapped, like a chat history"));
    m_gridButton->setText(tr("Grid"));
    m_gridButton->setToolTip(tr("One row per message, in columns"));
    auto *modes = new QButtonGroup(this);
    for (QToolButton *b : {m_conversationButton, m_gridButton}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        modes->addButton(b);
    }
    m_cancelCopy->setText(tr("Cancel copy"));
    m_cancelCopy->setVisible(false);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionsMovable(true);

    m_stack->addWidget(m_conversation);
    m_stack->addWidget(m_view);

    // The title and count, then the buttons: on one line when the column is wide enough, the
    // buttons on a second line when not (a narrow window, or a dock beside it), never cut.
    m_controls = new QWidget(this);
    auto *controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_conversationButton);
    controls->addWidget(m_gridButton);
    controls->addSpacing(6);
    controls->addWidget(m_start);
    controls->addWidget(m_end);
    m_head = new QGridLayout;
    m_head->setContentsMargins(0, 0, 0, 0);
    m_head->addWidget(m_title, 0, 0);
    m_head->addWidget(m_status, 0, 1);
    m_head->addWidget(m_cancelCopy, 0, 2);
    m_head->addWidget(m_controls, 0, 3);
    m_head->setColumnStretch(0, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_head);
    layout->addWidget(m_unavailable);
    layout->addWidget(m_problem);
    layout->addWidget(m_find);
    layout->addWidget(m_busy);
    layout->addWidget(m_stack, 1);

    const bool grid = QSettings().value(QStringLiteral("transcriptMode")).toString() == QLatin1String("grid");
    m_mode = grid ? Mode::Grid : Mode::Conversation;
    m_stack->setCurrentWidget(grid ? static_cast<QWidget *>(m_view) : m_conversation);
    (grid ? m_gridButton : m_conversationButton)->setChecked(true);
    // The reader's choice (a click, not a call) is remembered for the next session and launch.
    for (QToolButton *b : {m_conversationButton, m_gridButton}) {
        connect(b, &QToolButton::clicked, this, [this, grid = b == m_gridButton] {
            setMode(grid ? Mode::Grid : Mode::Conversation);
            SettingsWriter::write([grid](QSettings &settings) {
                settings.setValue(QStringLiteral("transcriptMode"),
                                  grid ? QStringLiteral("grid") : QStringLiteral("conversation"));
            });
        });
    }
    connect(m_conversation, &ConversationView::currentRowChanged, this, &TranscriptView::onCurrentRow);
    connect(m_conversation, &ConversationView::copyConversationRequested, this,
            &TranscriptView::copyConversation);
    connect(m_cancelCopy, &QToolButton::clicked, this, &TranscriptView::cancelCopy);
    connect(m_copier, &ConversationCopier::progress, this, [this](qint64 n) {
        m_status->setText(tr("Copying the conversation… %Ln message(s)", nullptr, int(n)));
    });
    connect(m_copier, &ConversationCopier::finished, this, [this](bool ok, qint64 n, const QString &message) {
        m_cancelCopy->setVisible(false);
        placeControls();
        if (ok)
            m_status->setText(tr("Copied the conversation: %Ln message(s)", nullptr, int(n)));
        else
            m_status->setText(message.isEmpty() ? tr("Copy cancelled") : message);
        emit conversationCopied(ok, n, message);
    });

    m_view->setItemDelegateForColumn(MessagesModel::Text, m_highlighter);

    // Live sessions: follow the newest message, or count what came while the reader is elsewhere.
    // The marker floats over whichever view is shown.
    m_convHighlighter = new ConversationHighlighter(m_conversation, m_model, this);
    m_follower = new LiveFollower(
        m_model, m_stack, [this] { return isAtEnd(); }, [this] { jumpToEnd(); }, this);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, m_follower, &LiveFollower::onScrolled);
    connect(m_conversation, &ConversationView::scrolled, m_follower, &LiveFollower::onScrolled);
    // Ctrl+F in the conversation (MainWindow routes it here while the focus is inside): F3 and
    // Shift+F3 move between the matches while the bar is open.
    auto *findNext = new QAction(this);
    findNext->setShortcuts({QKeySequence(Qt::Key_F3)});
    findNext->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findNext, &QAction::triggered, m_find, &FindBar::next);
    auto *findPrevious = new QAction(this);
    findPrevious->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F3)});
    findPrevious->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findPrevious, &QAction::triggered, m_find, &FindBar::previous);
    addAction(findNext);
    addAction(findPrevious);
    connect(m_find, &FindBar::showHit, this,
            [this](qint64 id, const QString &needle) { showMessage(id, needle); });
    connect(m_find, &FindBar::highlightChanged, this, &TranscriptView::setHighlight);
    connect(m_find, &FindBar::closed, this, [this] {
        (m_mode == Mode::Grid ? static_cast<QWidget *>(m_view) : m_conversation)
            ->setFocus(Qt::OtherFocusReason);
    });
    // The session grew or shrank on disk: the count of matches is found again.
    connect(m_model, &PagedModel::countChanged, m_find, &FindBar::sessionCountChanged);

    connect(m_start, &QToolButton::clicked, this, &TranscriptView::jumpToStart);
    connect(m_end, &QToolButton::clicked, this, &TranscriptView::jumpToEnd);
    connect(m_model, &PagedModel::busyChanged, m_busy, &BusyIndicator::setBusy);
    connect(m_model, &PagedModel::countChanged, this, &TranscriptView::updateStatus);
    connect(m_model, &PagedModel::failed, this, [this](const DbError &e) {
        const QString m = ErrorText::describe(e);
        m_status->clear();
        m_problem->setText(m);
        m_problem->setVisible(!m.isEmpty());
    });
    connect(m_model, &MessagesModel::located, this, &TranscriptView::onLocated);
    connect(m_model, &PagedModel::countChanged, this, [this] {
        if (m_pendingRow >= 0 && m_pendingRow < m_model->rowCount())
            selectRow(m_pendingRow);
    });
    connect(m_model, &PagedModel::pageLoaded, this, [this](int first, int last) {
        // A refresh or a jump brought the selected message's row: keep it selected.
        if (m_selected >= 0 && m_view->currentIndex().isValid() &&
            m_model->messageIdAt(m_view->currentIndex().row()) != m_selected) {
            const int row = m_model->findCachedRow(m_selected);
            if (row >= first && row <= last)
                m_view->selectionModel()->setCurrentIndex(
                    m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && current.row() != m_conversation->currentRow())
                    m_conversation->setCurrentRow(current.row());
                const qint64 id = current.isValid() ? m_model->messageIdAt(current.row()) : -1;
                if (id < 0)
                    m_selected = -1; // a row still loading: its id is told when its page arrives
                if (id >= 0 && id != m_selected) {
                    m_selected = id;
                    emit messageSelected(id);
                }
            });
    // The row under the cursor was a placeholder when it became current: tell once it has loaded.
    connect(m_model, &PagedModel::pageLoaded, this, [this](int first, int last) {
        const int row = m_view->currentIndex().row();
        if (row >= first && row <= last) {
            const qint64 id = m_model->messageIdAt(row);
            if (id >= 0 && id != m_selected) {
                m_selected = id;
                emit messageSelected(id);
            }
        }
    });
}

void TranscriptView::setSchema(const SchemaInfo &schema)
{
    const QString reason = ErrorText::unavailable(schema, QStringLiteral("messages"));
    m_unavailable->setText(reason);
    m_unavailable->setVisible(!reason.isEmpty());
    m_view->setEnabled(reason.isEmpty());
    m_conversation->setEnabled(reason.isEmpty());
    m_model->setSchema(schema);
    m_find->setSchema(schema);
    // The text takes whatever width is left: it is shown last and stretches (columns the schema
    // adds come before it).
    QHeaderView *header = m_view->horizontalHeader();
    header->moveSection(header->visualIndex(MessagesModel::Text), m_model->columnCount() - 1);
    header->setStretchLastSection(true);
    const QFontMetrics fm = m_view->fontMetrics();
    m_view->setColumnWidth(MessagesModel::Time,
                           fm.horizontalAdvance(QStringLiteral("2025-01-01 00:00")) + 12);
    m_view->setColumnWidth(MessagesModel::Role, fm.horizontalAdvance(QStringLiteral("assistant")) + 20);
    m_view->setColumnWidth(MessagesModel::Model, fm.horizontalAdvance(QStringLiteral("gpt-4o-mini")) + 12);
    m_view->setColumnWidth(MessagesModel::Tokens, fm.horizontalAdvance(tr("Tokens")) + 12);
    m_view->setColumnWidth(MessagesModel::Importance, fm.horizontalAdvance(QStringLiteral("0.00")) + 16);
    m_title->setFullText(reason.isEmpty() ? tr("Select a session") : tr("No transcript"));
    m_status->clear();
    placeControls();
}

void TranscriptView::setSession(const QString &sessionId, const QString &title, qint64 messageCount)
{
    m_pendingMessage = -1;
    m_pendingRow = -1;
    m_selected = -1;
    setHighlight(QString()); // the find bar, when open, finds again in this session
    // The conversation opens at the newest message, as a chat history does, its rows placed by the
    // list's count when it has one (counting a long session cold from disk takes far longer than
    // reading them; the model recounts right after). The grid, a table, opens at its first row.
    if (m_mode == Mode::Conversation)
        m_model->setSession(sessionId, PagedModel::Start::Last, messageCount);
    else
        m_model->setSession(sessionId, PagedModel::Start::First);
    m_find->setSession(sessionId);
    setTitle(title.isEmpty() ? sessionId : title);
    m_problem->clear();
    m_problem->setVisible(false);
    m_status->setText(tr("Loading…"));
}

void TranscriptView::setTitle(const QString &title)
{
    m_title->setFullText(title);
    if (title != m_model->sessionId())
        m_title->setToolTip(title + QLatin1Char('\n') + m_model->sessionId());
    placeControls();
}

QString TranscriptView::title() const
{
    return m_title->fullText();
}

void TranscriptView::refresh()
{
    m_model->refresh();
}

void TranscriptView::updateStatus()
{
    const qint64 n = m_model->knownCount();
    m_status->setText(n < 0 ? QString() : tr("%Ln message(s)", nullptr, int(n)));
    // A damaged file stays said under the header: a recount does not cover it.
    if (m_model->damage().isError()) {
        m_problem->setText(ErrorText::describe(m_model->damage()));
        m_problem->setVisible(true);
    }
}

void TranscriptView::jumpToStart()
{
    if (m_mode == Mode::Conversation)
        m_conversation->scrollToTop();
    else if (m_model->rowCount() > 0)
        m_view->scrollToTop();
}

void TranscriptView::jumpToEnd()
{
    // The view asks for the rows it shows; at the end the model plans a "last page" query.
    if (m_mode == Mode::Conversation)
        m_conversation->scrollToBottom();
    else
        m_view->scrollToBottom();
}

void TranscriptView::setMode(Mode mode)
{
    (mode == Mode::Grid ? m_gridButton : m_conversationButton)->setChecked(true);
    if (mode == m_mode)
        return;
    m_mode = mode;
    const int row = currentRow();
    m_stack->setCurrentWidget(mode == Mode::Grid ? static_cast<QWidget *>(m_view) : m_conversation);
    // The other view shows where this one was: the current message, else the top row.
    const QScrollBar *gridBar = m_view->verticalScrollBar();
    if (mode == Mode::Grid && row < 0 && m_conversation->isAtBottom()) {
        m_view->scrollToBottom(); // at the newest message in one, at the newest in the other
        m_view->setFocus();
    } else if (mode == Mode::Conversation && row < 0 && m_model->rowCount() > 0 &&
               gridBar->value() >= gridBar->maximum()) {
        m_conversation->scrollToBottom();
        m_conversation->setFocus();
    } else if (mode == Mode::Grid) {
        const int top = row >= 0 ? row : m_conversation->topRow();
        m_view->scrollTo(m_model->index(top, MessagesModel::Text),
                         row >= 0 ? QAbstractItemView::PositionAtCenter : QAbstractItemView::PositionAtTop);
        m_view->setFocus();
    } else {
        const int top = row >= 0 ? row : m_view->rowAt(0);
        if (top >= 0)
            m_conversation->scrollToRow(top, row >= 0 ? ConversationView::ScrollHint::PositionAtCenter
                                                      : ConversationView::ScrollHint::PositionAtTop);
        m_conversation->setFocus();
    }
    emit modeChanged(mode);
}

int TranscriptView::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : m_conversation->currentRow();
}

void TranscriptView::onCurrentRow(int row)
{
    // One current message for both views: the grid's selection model carries it (and tells).
    if (row < 0 || m_view->currentIndex().row() == row)
        return;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, MessagesModel::Text),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
}

void TranscriptView::copyConversation()
{
    if (m_model->sessionId().isEmpty())
        return;
    m_cancelCopy->setVisible(true);
    placeControls();
    m_status->setText(tr("Copying the conversation…"));
    m_copier->start(m_model->sessionId());
}

void TranscriptView::cancelCopy()
{
    m_copier->cancel();
}

void TranscriptView::showMessage(qint64 messageId, const QString &needle)
{
    setHighlight(needle);
    if (!needle.isEmpty())
        m_convHighlighter->reveal(messageId); // "Show all" when the hit is past a long message's clip
    m_pendingMessage = messageId;
    m_model->locate(messageId);
}

void TranscriptView::setHighlight(const QString &needle)
{
    if (needle == m_needle)
        return;
    m_needle = needle;
    m_highlighter->setNeedle(needle);
    m_view->viewport()->update();
    m_convHighlighter->setNeedle(needle);
    emit highlightChanged(needle);
}

bool TranscriptView::canFind() const
{
    return !m_model->sessionId().isEmpty() && m_view->isEnabled();
}

void TranscriptView::openFind()
{
    m_find->setOrigin(currentKey());
    m_find->activate();
}

QVariantList TranscriptView::currentKey() const
{
    const int row = currentRow();
    const QVariantList *values = row >= 0 ? m_model->cachedRow(row) : nullptr;
    if (!values)
        return {};
    return {values->value(MessageQuery::CreatedAt), values->value(MessageQuery::Id)};
}

bool TranscriptView::isAtEnd() const
{
    if (m_model->rowCount() == 0)
        return true;
    if (m_mode == Mode::Conversation)
        return m_conversation->isAtBottom() || m_conversation->isFollowingBottom();
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void TranscriptView::onLocated(qint64 messageId, int row)
{
    if (messageId != m_pendingMessage)
        return;
    m_pendingMessage = -1;
    if (row < 0) {
        m_status->setText(tr("Message %1 is not in this session").arg(messageId));
        return;
    }
    if (row >= m_model->rowCount()) {
        m_pendingRow = row; // the count has not arrived yet
        return;
    }
    selectRow(row);
}

void TranscriptView::selectRow(int row)
{
    m_pendingRow = -1;
    m_selected = -1;
    const QModelIndex index = m_model->index(row, MessagesModel::Text);
    if (m_mode == Mode::Grid)
        m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    else
        m_conversation->scrollToRow(row, ConversationView::ScrollHint::PositionAtCenter);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_model->fetchRow(row);
}

QSize TranscriptView::minimumSizeHint() const
{
    // With the buttons on a second line: the splitter may make the column that narrow.
    const QSize laidOut = QWidget::minimumSizeHint();
    const int title = m_title->fontMetrics().horizontalAdvance(QStringLiteral("xxxxxxxxxx…"));
    const int narrow = qMax(m_controls->sizeHint().width(), title + m_status->sizeHint().width() + 6);
    return QSize(qMin(laidOut.width(), narrow), laidOut.height() + m_controls->sizeHint().height());
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeControls();
}

void TranscriptView::placeControls()
{
    // One line only when the session's whole title fits beside the count and the buttons (a very
    // long title may still be shortened, to about 36 characters); else the buttons go to a second
    // line and the title has the column. The count is given the room of a seven-digit one, so the
    // header does not jump between one and two lines as a live session grows.
    const QFontMetrics fm = m_title->fontMetrics();
    const int title =
        qBound(fm.horizontalAdvance(QStringLiteral("xxxxxxxxxx…")), fm.horizontalAdvance(m_title->fullText()),
               fm.horizontalAdvance(QString(36, QLatin1Char('x'))));
    const int count = m_status->fontMetrics().horizontalAdvance(tr("%Ln message(s)", nullptr, 9999999));
    const int oneLine = title + qMax(m_status->sizeHint().width(), count) +
                        (m_cancelCopy->isVisible() ? m_cancelCopy->sizeHint().width() : 0) +
                        m_controls->sizeHint().width() + 3 * m_head->horizontalSpacing();
    const bool wide = width() >= oneLine;
    const int index = m_head->indexOf(m_controls);
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    m_head->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
    if (wide && row != 0)
        m_head->addWidget(m_controls, 0, 3);
    else if (!wide && row != 1)
        m_head->addWidget(m_controls, 1, 0, 1, 3, Qt::AlignLeft);
}

} // namespace kalito::ui
