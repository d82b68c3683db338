#pragma once

#include <QAccessibleInterface>
#include <QHash>
#include <QPointer>

namespace kalito::ui {

class ConversationView;

// One message of the conversation for a screen reader: a list item named "author, time: text",
// with three children (author, time, text) for a reader that walks into it. It reads the row's
// message when asked, so it never holds a copy that goes stale; a row whose page has not arrived
// reads as loading (asking for it does not fetch 100,000 rows when a reader walks the list).
class MessageAccessible : public QAccessibleInterface
{
public:
    enum Part { Whole = -1, Author = 0, Time = 1, Text = 2 };

    MessageAccessible(ConversationView *view, QAccessibleInterface *parent, int row, Part part = Whole);
    ~MessageAccessible() override;

    bool isValid() const override;
    QObject *object() const override { return nullptr; }
    QWindow *window() const override;
    QAccessibleInterface *childAt(int x, int y) const override;
    QAccessibleInterface *parent() const override { return m_parent; }
    QAccessibleInterface *child(int index) const override;
    int childCount() const override;
    int indexOfChild(const QAccessibleInterface *child) const override;
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override;
    QAccessible::Role role() const override;
    QAccessible::State state() const override;

    // The three parts of a row as the view shows them; false when the row has not arrived.
    static bool partsOf(ConversationView *view, int row, QString *author, QString *time, QString *text);

private:
    QPointer<ConversationView> m_view;
    QAccessibleInterface *m_parent;
    int m_row;
    Part m_part;
    mutable QHash<int, QAccessible::Id> m_children;
};

} // namespace kalito::ui
