#pragma once

#include "browse/markdownblocks.h"
#include "messagelayout.h"
#include "messagestyle.h"

#include <QHash>
#include <QObject>
#include <QRect>

#include <memory>

class QPainter;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class MessagesModel;

// One message as the conversation view draws it: a bubble with a header (role, then a quiet line of
// time, model, tokens, importance) over the laid-out text, and "Show all" when the text is clipped.
struct MessageItem
{
    qint64 id = -1;
    QString role;
    QString label; // "User", "Assistant", …
    QString meta;
    QString createdAt; // as stored
    std::shared_ptr<MessageLayout> layout;
    bool clipped = false;  // the text shown is the start of the message
    bool expanded = false; // "Show all" laid out the whole text
    bool loading = false;  // "Show all" is fetching or measuring
    qint64 length = 0;     // of the whole text, in characters
    QVariantList source;   // the model's row it was built from: another value rebuilds it
    int bubbleWidth = 0;
    int height = 0; // the row's, margins included
    quint64 used = 0;
};

// Builds and keeps (bounded, least recently used dropped) the items of the rows the conversation
// view shows, from the rows MessagesModel has cached; fetches and measures whole texts for
// "Show all" off the GUI thread; paints an item. Geometry lives here so that the view and the
// benchmark measure the same thing.
class ConversationItems : public QObject
{
    Q_OBJECT
public:
    // What is shown of a message until "Show all": at most this many characters (the page query's
    // cap, MessageQuery::ConversationChars) and this many lines.
    static constexpr int kMaxLines = 40;
    static constexpr int kMaxItems = 400;

    ConversationItems(Connection *connection, MessagesModel *model, QObject *parent = nullptr);

    // The viewport's width and look; another width or style lays everything out again.
    void setGeometry(int viewportWidth, const MessageStyle &style);
    int viewportWidth() const { return m_viewportWidth; }
    const MessageStyle &style() const { return m_style; }
    // The item of a row, built now if its page is cached; nullptr while the row is loading.
    std::shared_ptr<const MessageItem> item(int row);
    std::shared_ptr<const MessageItem> itemById(qint64 id) const;
    // Rows arrived again (another process wrote): the items whose message changed are built anew
    // when next asked for; one whose text changed loses its "Show all".
    void rowsChanged(int first, int last);
    // Height of a row not loaded yet.
    int placeholderHeight() const;
    void clear();

    // "Show all": fetches the whole text and lays it out off the GUI thread; changed(id) follows.
    void expand(qint64 id);
    void collapse(qint64 id);
    bool isExpanded(qint64 id) const { return m_expanded.contains(id); }

    // Geometry within a row's rectangle (its left, top at 0, 0; the row is viewportWidth() wide).
    QRect bubbleRect(const MessageItem &item) const;
    QRect bodyRect(const MessageItem &item) const;
    // The link under a message's text: "Show all" when clipped (empty otherwise), "Show less" when
    // shown in full after "Show all".
    QRect showAllRect(const MessageItem &item) const;
    QRect showLessRect(const MessageItem &item) const;

    struct PaintState
    {
        bool current = false;
        bool selected = false;
        QPair<int, int> textSelection{0, 0};
        MessageLayout::Ranges highlights;
    };
    void paint(QPainter *painter, const QRect &rowRect, const QRect &clip, const MessageItem &item,
               const PaintState &state);
    void paintPlaceholder(QPainter *painter, const QRect &rowRect) const;

signals:
    // An item's look changed (its text expanded, or its whole text failed to load).
    void changed(qint64 id);

private:
    struct Expanded
    {
        QString text;
        std::shared_ptr<MessageLayout> layout; // measured at `width`, lazily painted
        int width = -1;
        bool fetching = false;
        bool measuring = false;
    };
    int contentWidth() const;
    int headerHeight() const;
    int finishItem(MessageItem &item) const;
    QString linkText(const MessageItem &item) const;
    QRect linkRect(const MessageItem &item) const;
    void measure(qint64 id);
    void evict();

    Connection *m_connection;
    MessagesModel *m_model;
    MessageStyle m_style;
    int m_viewportWidth = 0;
    QHash<qint64, std::shared_ptr<MessageItem>> m_items;
    QHash<qint64, Expanded> m_expanded;
    quint64 m_clock = 0;
};

} // namespace kalito::ui
