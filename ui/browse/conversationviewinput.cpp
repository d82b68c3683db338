#include "conversationaccessible.h"
#include "conversationview.h"
#include "whenfinished.h"

#include "browse/messagequery.h"
#include "connection.h"
#include "messagesmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>

// ConversationView, the reader's side: keys, the mouse (current message, text selection, "Show
// all"), the context menu and copying. Scrolling, layout and painting are in conversationview.cpp.

namespace kalito::ui {

namespace {

struct CopiedMessage
{
    QString role;
    QString createdAt;
    QString text;
};

QString asMarkdown(const CopiedMessage &m)
{
    // As the Markdown export writes a message: a heading with role and time, then the text as is.
    return QStringLiteral("## %1%2\n\n%3")
        .arg(m.role.isEmpty() ? QStringLiteral("(no role)") : m.role,
             m.createdAt.isEmpty() ? QString() : QStringLiteral(" · ") + m.createdAt, m.text);
}

} // namespace

void ConversationView::keyPressEvent(QKeyEvent *event)
{
    const int rows = m_model->rowCount();
    if (event->matches(QKeySequence::Copy)) {
        copy();
        return;
    }
    if (event->matches(QKeySequence::SelectAll) && m_current >= 0) {
        setTextSelection(m_current, 0, int(displayedText(m_current).size()));
        return;
    }
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (rows <= 0)
            return; // an empty conversation has no message to move to
        const int row = qBound(0, m_current + (event->key() == Qt::Key_Up ? -1 : 1), rows - 1);
        setCurrentRow(row);
        scrollToRow(row);
        return;
    }
    case Qt::Key_PageUp:
        scrollBy(-viewport()->height() * 9 / 10);
        return;
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        scrollBy(viewport()->height() * 9 / 10);
        return;
    case Qt::Key_Home:
        scrollToTop();
        return;
    case Qt::Key_End:
        scrollToBottom();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void ConversationView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const int row = rowAt(pos);
    if (row < 0 || event->button() == Qt::MiddleButton)
        return;
    const QRect rect = rowRect(row);
    const auto item = m_items->item(row);
    if (item && event->button() == Qt::LeftButton &&
        m_items->showAllRect(*item).translated(rect.topLeft()).contains(pos)) {
        m_items->expand(item->id);
        return;
    }
    if (item && event->button() == Qt::LeftButton) {
        const QRect less = m_items->showLessRect(*item).translated(rect.topLeft());
        if (less.contains(pos)) {
            collapseRow(row, less.top());
            return;
        }
    }
    if (event->button() == Qt::RightButton && m_selected.contains(row))
        return; // the context menu acts on the selection
    if (event->modifiers() & Qt::ControlModifier) {
        if (!m_selected.remove(row))
            m_selected.insert(row);
        m_anchor = row;
        if (row != m_current) {
            m_current = row;
            emit currentRowChanged(row);
        }
        viewport()->update();
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) && m_anchor >= 0) {
        m_selected.clear();
        for (int r = qMin(m_anchor, row); r <= qMax(m_anchor, row); ++r)
            m_selected.insert(r);
        if (row != m_current) {
            m_current = row;
            emit currentRowChanged(row);
        }
        viewport()->update();
        return;
    }
    setCurrentRow(row);
    m_textRow = -1;
    if (item && event->button() == Qt::LeftButton) {
        const QRect body = m_items->bodyRect(*item).translated(rect.topLeft());
        m_textRow = row;
        m_textAnchor = m_textPos = item->layout->offsetAt(pos - body.topLeft());
        m_dragging = true;
    }
    viewport()->update();
}

void ConversationView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging || m_textRow < 0)
        return;
    const QPoint pos = event->position().toPoint();
    const QRect rect = rowRect(m_textRow);
    const auto item = m_items->item(m_textRow);
    if (rect.isEmpty() || !item)
        return;
    const QRect body = m_items->bodyRect(*item).translated(rect.topLeft());
    m_textPos = item->layout->offsetAt(pos - body.topLeft());
    // Dragging past the edge scrolls (a selection within one message, however long).
    if (pos.y() < 0)
        scrollBy(-fontMetrics().height());
    else if (pos.y() > viewport()->height())
        scrollBy(fontMetrics().height());
    viewport()->update();
}

void ConversationView::mouseReleaseEvent(QMouseEvent *)
{
    m_dragging = false;
}

void ConversationView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A double click selects the message's whole text (what a triple click does in an editor).
    const int row = rowAt(event->position().toPoint());
    if (row >= 0)
        setTextSelection(row, 0, int(displayedText(row).size()));
}

void ConversationView::contextMenuEvent(QContextMenuEvent *event)
{
    const int row = rowAt(event->pos());
    QMenu menu(this);
    QAction *copySel = menu.addAction(tr("Copy"), this, &ConversationView::copy);
    copySel->setShortcut(QKeySequence::Copy);
    copySel->setEnabled(!m_selected.isEmpty() || selectionRange().second > 0);
    QAction *text = menu.addAction(tr("Copy text"), this, [this, row] { copyMessageText(row); });
    QAction *md =
        menu.addAction(tr("Copy message as Markdown"), this, [this, row] { copyMessageAsMarkdown(row); });
    text->setEnabled(row >= 0);
    md->setEnabled(row >= 0);
    menu.addSeparator();
    QAction *all = menu.addAction(tr("Copy conversation as Markdown"), this,
                                  &ConversationView::copyConversationRequested);
    all->setEnabled(m_model->rowCount() > 0);
    if (row >= 0 && isRowClipped(row)) {
        menu.addSeparator();
        menu.addAction(tr("Show all"), this, [this, row] { expandRow(row); });
    } else if (const auto item = row >= 0 ? m_items->item(row) : nullptr; item && item->expanded) {
        menu.addSeparator();
        menu.addAction(tr("Show less"), this, [this, row, y = event->pos().y()] { collapseRow(row, y); });
    }
    menu.exec(event->globalPos());
}

void ConversationView::copy()
{
    const QPair<int, int> sel = selectionRange();
    if (m_textRow >= 0 && sel.second > 0) {
        QApplication::clipboard()->setText(displayedText(m_textRow).mid(sel.first, sel.second));
        emit copied(1);
        return;
    }
    copyRows(selectedRows(), false);
}

void ConversationView::copyMessageText(int row)
{
    if (row >= 0)
        copyRows({row}, false);
}

void ConversationView::copyMessageAsMarkdown(int row)
{
    if (row >= 0)
        copyRows({row}, true);
}

void ConversationView::copyRows(const QList<int> &rows, bool markdown)
{
    // The text as stored (the Markdown source), whole: clipped rows are fetched by id first.
    QList<qint64> ids;
    QList<CopiedMessage> messages;
    bool fetch = false;
    for (int row : rows) {
        const QVariantList *r = m_model->cachedRow(row);
        if (!r)
            continue;
        ids << r->value(MessageQuery::Id).toLongLong();
        const QString preview = r->value(MessageQuery::Preview).toString();
        fetch = fetch || r->value(MessageQuery::Length).toLongLong() > preview.size();
        messages.append(
            {r->value(MessageQuery::Role).toString(), r->value(MessageQuery::CreatedAt).toString(), preview});
    }
    if (ids.isEmpty())
        return;
    auto finish = [this, markdown](const QList<CopiedMessage> &list) {
        QStringList parts;
        for (const CopiedMessage &m : list)
            parts << (markdown ? asMarkdown(m) : m.text);
        QApplication::clipboard()->setText(parts.join(QStringLiteral("\n\n")));
        emit copied(int(list.size()));
    };
    if (!fetch) {
        finish(messages);
        return;
    }
    whenFinished(this, m_connection->run([ids](Database &db) {
        QList<CopiedMessage> out;
        for (qint64 id : ids) {
            const MessageRecord rec = MessageQuery::record(db, id);
            if (rec.found)
                out.append({rec.role, rec.value(QStringLiteral("created_at")).toString(), rec.text});
        }
        return out;
    }),
                 finish);
}

void ConversationView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    ConversationAccessible::notifyCurrent(this, m_current); // the reader hears where it is
}

} // namespace kalito::ui
