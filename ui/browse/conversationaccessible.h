#pragma once

#include <QAccessibleWidget>
#include <QHash>

namespace kalito::ui {

class ConversationView;

// What a screen reader sees of the conversation, which paints its messages itself: a list whose
// children are the messages (MessageAccessible: author, time and text, each a child of its own),
// one per row of the model, the current one focused. The view tells the reader when the current
// message changes (notifyCurrent), so that moving with the arrow keys reads each message.
class ConversationAccessible : public QAccessibleWidget
{
public:
    explicit ConversationAccessible(ConversationView *view);
    ~ConversationAccessible() override;

    // Installs the factory that gives every ConversationView this interface (once per process).
    static void installFactory();
    // The focus (when the view has it) and the selection moved to row.
    static void notifyCurrent(ConversationView *view, int row);

    ConversationView *view() const;
    int childCount() const override;
    QAccessibleInterface *child(int index) const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *focusChild() const override;
    QString text(QAccessible::Text t) const override;

private:
    mutable QHash<int, QAccessible::Id> m_children; // row -> registered MessageAccessible
};

} // namespace kalito::ui
