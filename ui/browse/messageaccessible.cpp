#include "messageaccessible.h"

#include "browse/messagequery.h"
#include "conversationview.h"
#include "displaytext.h"
#include "messagesmodel.h"

#include <QCoreApplication>

namespace kalito::ui {

MessageAccessible::MessageAccessible(ConversationView *view, QAccessibleInterface *parent, int row, Part part)
    : m_view(view), m_parent(parent), m_row(row), m_part(part)
{}

MessageAccessible::~MessageAccessible()
{
    for (QAccessible::Id id : std::as_const(m_children))
        QAccessible::deleteAccessibleInterface(id);
}

bool MessageAccessible::partsOf(ConversationView *view, int row, QString *author, QString *time,
                                QString *text)
{
    if (!view || row < 0 || row >= view->model()->rowCount())
        return false;
    const QVariantList *r = view->model()->cachedRow(row);
    if (!r)
        return false;
    const auto item = view->items()->item(row);
    if (!item)
        return false;
    *author = item->label;
    *time = DisplayText::shortTimestamp(r->value(MessageQuery::CreatedAt));
    *text = view->displayedText(row);
    return true;
}

bool MessageAccessible::isValid() const
{
    return m_view && m_row < m_view->model()->rowCount();
}

QWindow *MessageAccessible::window() const
{
    return m_parent ? m_parent->window() : nullptr;
}

QAccessibleInterface *MessageAccessible::childAt(int x, int y) const
{
    return rect().contains(x, y) && m_part == Whole ? child(Text) : nullptr;
}

QAccessibleInterface *MessageAccessible::child(int index) const
{
    if (m_part != Whole || index < 0 || index > Text)
        return nullptr;
    if (!m_children.contains(index)) {
        auto *part = new MessageAccessible(m_view, const_cast<MessageAccessible *>(this), m_row, Part(index));
        m_children.insert(index, QAccessible::registerAccessibleInterface(part));
    }
    return QAccessible::accessibleInterface(m_children.value(index));
}

int MessageAccessible::childCount() const
{
    return m_part == Whole ? 3 : 0;
}

int MessageAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
        if (QAccessible::accessibleInterface(it.value()) == child)
            return it.key();
    return -1;
}

QString MessageAccessible::text(QAccessible::Text t) const
{
    if (t != QAccessible::Name && t != QAccessible::Description && t != QAccessible::Value)
        return {};
    QString author, time, body;
    if (!partsOf(m_view, m_row, &author, &time, &body))
        return t == QAccessible::Name
                   ? QCoreApplication::translate("kalito::ui::MessageAccessible", "Loading message…")
                   : QString();
    switch (m_part) {
    case Author:
        return t == QAccessible::Name ? author : QString();
    case Time:
        return t == QAccessible::Name ? time : QString();
    case Text:
        return t == QAccessible::Description ? QString() : body;
    case Whole:
        break;
    }
    if (t == QAccessible::Description)
        return QCoreApplication::translate("kalito::ui::MessageAccessible", "Message %1 of %2")
            .arg(m_row + 1)
            .arg(m_view->model()->rowCount());
    //: A message for a screen reader: author, time: text.
    return QCoreApplication::translate("kalito::ui::MessageAccessible", "%1, %2: %3").arg(author, time, body);
}

QRect MessageAccessible::rect() const
{
    if (!m_view)
        return {};
    const QRect r = m_view->rowRect(m_row);
    if (r.isEmpty())
        return {};
    return QRect(m_view->viewport()->mapToGlobal(r.topLeft()), r.size());
}

QAccessible::Role MessageAccessible::role() const
{
    return m_part == Whole ? QAccessible::ListItem : QAccessible::StaticText;
}

QAccessible::State MessageAccessible::state() const
{
    QAccessible::State s;
    if (!m_view)
        return s;
    if (m_view->rowRect(m_row).isEmpty()) {
        s.invisible = true;
        s.offscreen = true;
    }
    if (m_part != Whole) {
        s.readOnly = true;
        return s;
    }
    s.focusable = true;
    s.selectable = true;
    s.readOnly = true;
    s.focused = m_view->hasFocus() && m_view->currentRow() == m_row;
    s.selected = m_view->selectedRows().contains(m_row);
    return s;
}

} // namespace kalito::ui
