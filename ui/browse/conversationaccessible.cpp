#include "conversationaccessible.h"

#include "conversationview.h"
#include "messageaccessible.h"
#include "messagesmodel.h"

namespace kalito::ui {

namespace {

QAccessibleInterface *factory(const QString &className, QObject *object)
{
    if (className == QLatin1String("kalito::ui::ConversationView") && object && object->isWidgetType())
        return new ConversationAccessible(static_cast<ConversationView *>(object));
    return nullptr;
}

} // namespace

ConversationAccessible::ConversationAccessible(ConversationView *view)
    : QAccessibleWidget(view, QAccessible::List)
{}

ConversationAccessible::~ConversationAccessible()
{
    for (QAccessible::Id id : std::as_const(m_children))
        QAccessible::deleteAccessibleInterface(id);
}

void ConversationAccessible::installFactory()
{
    static bool installed = false;
    if (!installed)
        QAccessible::installFactory(factory);
    installed = true;
}

void ConversationAccessible::notifyCurrent(ConversationView *view, int row)
{
    if (row < 0)
        return; // QAccessible::updateAccessibility does nothing while no reader listens
    if (view->hasFocus()) {
        QAccessibleEvent focus(view, QAccessible::Focus);
        focus.setChild(row);
        QAccessible::updateAccessibility(&focus);
    }
    QAccessibleEvent selection(view, QAccessible::Selection);
    selection.setChild(row);
    QAccessible::updateAccessibility(&selection);
}

ConversationView *ConversationAccessible::view() const
{
    return static_cast<ConversationView *>(object());
}

int ConversationAccessible::childCount() const
{
    return view() ? view()->model()->rowCount() : 0;
}

QAccessibleInterface *ConversationAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    if (!m_children.contains(index)) {
        auto *item = new MessageAccessible(view(), const_cast<ConversationAccessible *>(this), index);
        m_children.insert(index, QAccessible::registerAccessibleInterface(item));
    }
    return QAccessible::accessibleInterface(m_children.value(index));
}

int ConversationAccessible::indexOfChild(const QAccessibleInterface *child) const
{
    for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
        if (QAccessible::accessibleInterface(it.value()) == child)
            return it.key();
    return -1;
}

QAccessibleInterface *ConversationAccessible::childAt(int x, int y) const
{
    const QPoint p = view()->viewport()->mapFromGlobal(QPoint(x, y));
    const int row = view()->rowAt(p);
    return row >= 0 ? child(row) : nullptr;
}

QAccessibleInterface *ConversationAccessible::focusChild() const
{
    return view()->hasFocus() && view()->currentRow() >= 0 ? child(view()->currentRow()) : nullptr;
}

QString ConversationAccessible::text(QAccessible::Text t) const
{
    const QString own = QAccessibleWidget::text(t);
    if (t == QAccessible::Description && own.isEmpty())
        return ConversationView::tr(
            "The session's messages, oldest first; the arrow keys move from one to the next");
    return own;
}

} // namespace kalito::ui
