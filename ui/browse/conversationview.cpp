#include "conversationview.h"
#include "conversationaccessible.h"
#include "whenfinished.h"

#include "browse/messagequery.h"
#include "connection.h"
#include "messagesmodel.h"
#include "rowheightcache.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>

namespace kalito::ui {

ConversationView::ConversationView(Connection *connection, MessagesModel *model, QWidget *parent)
    : QAbstractScrollArea(parent), m_connection(connection), m_model(model),
      m_items(new ConversationItems(connection, model, this)),
      m_heights(new RowHeightCache(model->pageSize()))
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there: a scroll bar that came and went as rows arrived would narrow the text and
    // reflow every message on screen (the bar's range is rows, known only once they are counted).
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setAutoFillBackground(false);
    viewport()->setCursor(Qt::IBeamCursor);
    // A screen reader reads the painted messages through ConversationAccessible (installed before
    // anything asks for this view's interface, which Qt then keeps); it follows the current message
    // as the arrow keys move it.
    ConversationAccessible::installFactory();
    setAccessibleName(tr("Conversation"));
    connect(this, &ConversationView::currentRowChanged, this,
            [this](int row) { ConversationAccessible::notifyCurrent(this, row); });
    m_items->setGeometry(viewport()->width(), MessageStyle::from(font(), palette()));
    m_heights->setWidth(viewport()->width());

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_items->clear();
        m_heights->clear();
        m_highlights.clear();
        m_topRow = 0;
        m_topOffset = 0;
        // A session opened at its newest message (as a chat history opens) stays at the bottom
        // while its rows arrive, and follows what is appended, until the reader scrolls away.
        m_stickToBottom = m_model->start() == PagedModel::Start::Last;
        m_current = m_anchor = m_textRow = -1;
        m_selected.clear();
        updateScrollBar();
        viewport()->update();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_stickToBottom)
            scrollToBottom();
        updateScrollBar();
        viewport()->update();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int) {
        for (auto it = m_selected.begin(); it != m_selected.end();)
            it = *it >= first ? m_selected.erase(it) : std::next(it);
        if (m_current >= first)
            m_current = -1;
        if (m_textRow >= first)
            m_textRow = -1;
        normalize();
        updateScrollBar();
        viewport()->update();
    });
    // An empty session says so once its count is known (nothing is inserted to repaint for).
    connect(m_model, &PagedModel::countChanged, this, [this] { viewport()->update(); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &a, const QModelIndex &b) { onRowsChanged(a.row(), b.row()); });
    connect(m_items, &ConversationItems::changed, this, [this](qint64 id) {
        const int row = m_model->findCachedRow(id);
        if (row >= 0)
            m_heights->forget(row);
        if (m_stickToBottom)
            scrollToBottom();
        viewport()->update();
    });
}

ConversationView::~ConversationView()
{
    delete m_heights;
}

void ConversationView::onRowsChanged(int first, int last)
{
    // A page arrived (or a refresh asks again for everything): the rows' heights are measured again
    // when next shown. The top row keeps its place; what is below it reflows.
    // (A change of all rows asks the view to fetch what it shows again; the pages that come then
    // bring their own, smaller changes.)
    if (last - first > 4 * m_model->pageSize()) {
        m_heights->clear();
    } else {
        m_items->rowsChanged(first, last); // a message another process edited is shown as it is now
        for (int r = first; r <= last; ++r)
            m_heights->forget(r);
    }
    if (m_stickToBottom)
        scrollToBottom();
    else
        normalize();
    viewport()->update();
}

int ConversationView::rowHeight(int row)
{
    const int known = m_heights->height(row);
    if (known >= 0)
        return known;
    const auto item = m_items->item(row);
    if (!item)
        return m_heights->estimate(m_items->placeholderHeight());
    m_heights->setHeight(row, item->height);
    return item->height;
}

void ConversationView::normalize()
{
    const int rows = m_model->rowCount();
    if (rows <= 0) {
        m_topRow = 0;
        m_topOffset = 0;
        return;
    }
    m_topRow = qBound(0, m_topRow, rows - 1);
    while (m_topOffset < 0 && m_topRow > 0)
        m_topOffset += rowHeight(--m_topRow);
    if (m_topOffset < 0)
        m_topOffset = 0;
    while (m_topRow < rows - 1 && m_topOffset >= rowHeight(m_topRow))
        m_topOffset -= rowHeight(m_topRow++);
    // Never past the end: the last row's bottom stays at the viewport's bottom (or the list starts
    // at the top when it is shorter than the viewport).
    const int vh = viewport()->height();
    int y = -m_topOffset;
    int r = m_topRow;
    while (r < rows && y < vh)
        y += rowHeight(r++);
    if (r >= rows && y < vh) {
        m_topOffset -= vh - y;
        while (m_topOffset < 0 && m_topRow > 0)
            m_topOffset += rowHeight(--m_topRow);
        if (m_topOffset < 0)
            m_topOffset = 0;
    }
}

void ConversationView::updateScrollBar()
{
    const int rows = m_model->rowCount();
    QScrollBar *bar = verticalScrollBar();
    m_syncingBar = true;
    const auto visible = visibleRows();
    bar->setRange(0, qMax(0, rows - 1));
    bar->setPageStep(qMax(1, int(visible.size()) - 1));
    bar->setSingleStep(1);
    bar->setValue(isAtBottom() ? bar->maximum() : m_topRow);
    m_syncingBar = false;
}

void ConversationView::scrollContentsBy(int, int)
{
    if (m_syncingBar)
        return;
    // The reader moved the scroll bar (it counts rows).
    QScrollBar *bar = verticalScrollBar();
    if (bar->value() >= bar->maximum() && bar->maximum() > 0) {
        scrollToBottom();
        return;
    }
    m_stickToBottom = false;
    m_topRow = bar->value();
    m_topOffset = 0;
    normalize();
    viewport()->update();
    emit scrolled();
}

void ConversationView::scrollBy(int pixels)
{
    if (pixels < 0)
        m_stickToBottom = false;
    m_topOffset += pixels;
    normalize();
    if (isAtBottom() && pixels > 0)
        m_stickToBottom = true;
    updateScrollBar();
    viewport()->update();
    emit scrolled();
}

void ConversationView::scrollToTop()
{
    m_stickToBottom = false;
    m_topRow = 0;
    m_topOffset = 0;
    normalize();
    updateScrollBar();
    viewport()->update();
    emit scrolled();
}

void ConversationView::scrollToBottom()
{
    m_stickToBottom = true;
    const int rows = m_model->rowCount();
    m_topRow = qMax(0, rows - 1);
    m_topOffset = 0;
    if (rows > 0) {
        m_model->fetchRow(rows - 1);
        // The newest rows are counted but on their way (a writer appends faster than pages come,
        // or the marker jumps thousands of rows down): the rows already shown stay on screen,
        // the view at the last row it holds, until the page arrives and brings it here again.
        if (!m_model->cachedRow(rows - 1)) {
            const int held = m_model->lastCachedRow();
            if (held >= 0)
                m_topRow = held;
        }
        // That row's bottom at the viewport's bottom: normalize() walks up from there.
        m_topOffset = rowHeight(m_topRow) - viewport()->height();
    }
    normalize();
    updateScrollBar();
    viewport()->update();
    emit scrolled();
}

void ConversationView::scrollToRow(int row, ScrollHint hint)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_model->fetchRow(row);
    const QRect r = rowRect(row);
    const int vh = viewport()->height();
    if (hint == ScrollHint::EnsureVisible && !r.isEmpty() && r.top() >= 0 && r.bottom() < vh)
        return;
    m_stickToBottom = false;
    const int h = rowHeight(row);
    m_topRow = row;
    if (hint == ScrollHint::PositionAtCenter && h < vh)
        m_topOffset = -(vh - h) / 2;
    else if (hint == ScrollHint::EnsureVisible && !r.isEmpty() && r.top() >= 0 && h < vh)
        m_topOffset = h - vh; // below the viewport: bring its bottom edge in
    else if (hint == ScrollHint::EnsureVisible && r.isEmpty() && row > m_topRow && h < vh)
        m_topOffset = h - vh;
    else
        m_topOffset = 0;
    normalize();
    updateScrollBar();
    viewport()->update();
    emit scrolled();
}

void ConversationView::scrollToText(int row, int offset)
{
    const auto item = row >= 0 && row < m_model->rowCount() ? m_items->item(row) : nullptr;
    if (!item) {
        scrollToRow(row, ScrollHint::PositionAtCenter);
        return;
    }
    const QRectF line = item->layout->lineRectAt(offset);
    m_stickToBottom = false;
    m_topRow = row;
    m_topOffset = m_items->bodyRect(*item).top() + int(line.center().y()) - viewport()->height() / 2;
    normalize(); // a short message is not scrolled past the start or the end
    updateScrollBar();
    viewport()->update();
    emit scrolled();
}

bool ConversationView::isAtBottom() const
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return true;
    const auto visible = visibleRows();
    return !visible.isEmpty() && visible.last().first == rows - 1 &&
           visible.last().second.bottom() < viewport()->height() + 1;
}

QList<QPair<int, QRect>> ConversationView::visibleRows() const
{
    auto *self = const_cast<ConversationView *>(this); // heights are measured (and cached) on demand
    QList<QPair<int, QRect>> out;
    const int rows = m_model->rowCount();
    const int vw = viewport()->width();
    const int vh = viewport()->height();
    int y = -m_topOffset;
    for (int r = m_topRow; r < rows && y < vh; ++r) {
        const int h = self->rowHeight(r);
        out.append({r, QRect(0, y, vw, h)});
        y += h;
    }
    return out;
}

QRect ConversationView::rowRect(int row) const
{
    for (const auto &v : visibleRows()) {
        if (v.first == row)
            return v.second;
    }
    return QRect();
}

int ConversationView::rowAt(const QPoint &pos) const
{
    for (const auto &v : visibleRows()) {
        if (v.second.contains(QPoint(0, pos.y())))
            return v.first;
    }
    return -1;
}

void ConversationView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    const QPair<int, int> sel = selectionRange();
    const auto visible = visibleRows();
    if (!visible.isEmpty()) {
        // The rows a little beyond either edge are asked for now: scrolling on finds them loaded.
        const int ahead = m_model->pageSize() / 4;
        m_model->fetchRow(qMin(m_model->rowCount() - 1, visible.last().first + ahead));
        m_model->fetchRow(qMax(0, visible.first().first - ahead));
    }
    for (const auto &v : visible) {
        if (!v.second.intersects(event->rect()))
            continue;
        const auto item = m_items->item(v.first);
        if (!item) {
            m_items->paintPlaceholder(&painter, v.second);
            continue;
        }
        ConversationItems::PaintState state;
        state.current = v.first == m_current;
        state.selected = m_selected.contains(v.first) && m_selected.size() > 1;
        if (v.first == m_textRow)
            state.textSelection = sel;
        state.highlights = m_highlights.value(item->id);
        m_items->paint(&painter, v.second, event->rect(), *item, state);
    }
    if (m_model->rowCount() == 0 && m_model->knownCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter,
                         m_model->sessionId().isEmpty() ? QString() : tr("No messages yet"));
    }
}

void ConversationView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const bool wasAtBottom = m_stickToBottom;
    m_items->setGeometry(viewport()->width(), MessageStyle::from(font(), palette()));
    m_heights->setWidth(viewport()->width());
    if (wasAtBottom)
        scrollToBottom();
    else
        normalize();
    updateScrollBar();
}

void ConversationView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange) {
        m_items->setGeometry(-1, MessageStyle::from(font(), palette()));
        m_items->setGeometry(viewport()->width(), MessageStyle::from(font(), palette()));
        m_heights->setWidth(-1);
        m_heights->setWidth(viewport()->width());
        viewport()->update();
    }
}

void ConversationView::wheelEvent(QWheelEvent *event)
{
    const QPoint pixels = event->pixelDelta();
    const int line = fontMetrics().height();
    const int dy = !pixels.isNull() ? -pixels.y() : -event->angleDelta().y() * 3 * line / 120;
    if (dy != 0)
        scrollBy(dy);
    event->accept();
}

void ConversationView::setCurrentRow(int row)
{
    if (row < -1 || row >= m_model->rowCount())
        return;
    m_selected.clear();
    if (row >= 0)
        m_selected.insert(row);
    m_anchor = row;
    if (row != m_current) {
        m_current = row;
        if (row != m_textRow)
            m_textRow = -1;
        emit currentRowChanged(row);
    }
    viewport()->update();
}

QList<int> ConversationView::selectedRows() const
{
    QList<int> rows(m_selected.begin(), m_selected.end());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QPair<int, int> ConversationView::selectionRange() const
{
    if (m_textRow < 0)
        return {0, 0};
    return {qMin(m_textAnchor, m_textPos), qAbs(m_textPos - m_textAnchor)};
}

void ConversationView::setTextSelection(int row, int start, int length)
{
    m_textRow = row;
    m_textAnchor = start;
    m_textPos = start + length;
    viewport()->update();
}

QString ConversationView::displayedText(int row)
{
    const auto item = m_items->item(row);
    return item ? item->layout->plainText() : QString();
}

void ConversationView::setHighlight(qint64 messageId, const QList<QPair<int, int>> &ranges)
{
    if (ranges.isEmpty())
        m_highlights.remove(messageId);
    else
        m_highlights.insert(messageId, ranges);
    viewport()->update();
}

void ConversationView::clearHighlights()
{
    m_highlights.clear();
    viewport()->update();
}

void ConversationView::expandRow(int row)
{
    const auto item = m_items->item(row);
    if (item && item->clipped)
        m_items->expand(item->id);
}

void ConversationView::collapseRow(int row, int anchorY)
{
    const auto item = m_items->item(row);
    if (!item || !item->expanded)
        return;
    const QRect before = rowRect(row);
    const bool stick = m_stickToBottom;
    if (m_textRow == row)
        m_textRow = -1; // the selection may reach past the clipped text
    m_items->collapse(item->id);
    const auto clipped = m_items->item(row);
    if (!clipped)
        return;
    m_heights->forget(row);
    const int top = !before.isEmpty() && before.top() >= 0 ? before.top()
                                                           : anchorY - m_items->showAllRect(*clipped).top();
    m_topRow = row;
    m_topOffset = -top;
    normalize(); // the rows above fill the space above it (or the end holds at the bottom)
    m_stickToBottom = stick && isAtBottom();
    updateScrollBar();
    viewport()->update();
    emit scrolled();
}

bool ConversationView::isRowExpanded(int row)
{
    const auto item = m_items->item(row);
    return item && item->expanded;
}

bool ConversationView::isRowClipped(int row)
{
    const auto item = m_items->item(row);
    return item && item->clipped;
}

} // namespace kalito::ui
