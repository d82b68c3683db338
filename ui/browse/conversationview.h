#pragma once

#include "conversationitems.h"

#include <QAbstractScrollArea>
#include <QPair>
#include <QSet>

namespace kalito {
class Connection;
}

namespace kalito::ui {

class MessagesModel;
class RowHeightCache;

// A session's messages as a chat history: each message whole and wrapped in a bubble (the user's on
// the right, the assistant's on the left), over the same MessagesModel (keyset pages) as the grid.
//
// Built for 100,000 rows: the scroll position is a row and a pixel offset into it (topRow(),
// topOffset()), never a pixel position over the whole list; only the rows near the viewport are
// laid out, their heights cached per page of rows (RowHeightCache, bounded) and their layouts per
// message (ConversationItems, bounded). The scroll bar counts rows. Rows whose page has not
// arrived are drawn as placeholders of an estimated height; when a page arrives the rows below the
// top one reflow, the top row stays where it is (nothing jumps under the reader).
class ConversationView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class ScrollHint { EnsureVisible, PositionAtTop, PositionAtCenter };

    ConversationView(Connection *connection, MessagesModel *model, QWidget *parent = nullptr);
    ~ConversationView() override;

    MessagesModel *model() const { return m_model; }
    ConversationItems *items() const { return m_items; }
    const RowHeightCache &heights() const { return *m_heights; }

    // Scrolling.
    void scrollToRow(int row, ScrollHint hint = ScrollHint::EnsureVisible);
    void scrollToTop();
    // Shows the newest message and stays at the bottom while rows arrive (the count, the last
    // page), until the reader scrolls away.
    void scrollToBottom();
    void scrollBy(int pixels);
    // The line of a row's text holding a displayedText() offset in the middle of the viewport.
    void scrollToText(int row, int offset);
    // The last row is on screen with its bottom edge within the viewport.
    bool isAtBottom() const;
    // At the bottom, or on its way there: the newest rows are coming and the view will follow them.
    bool isFollowingBottom() const { return m_stickToBottom; }
    int topRow() const { return m_topRow; }
    int topOffset() const { return m_topOffset; }
    // Rows at least partly on screen, top to bottom, with their rectangles in viewport coordinates.
    QList<QPair<int, QRect>> visibleRows() const;
    QRect rowRect(int row) const; // empty when not on screen
    int rowAt(const QPoint &viewportPos) const;

    // Selection: the current message (what the detail pane shows) and the selected messages.
    int currentRow() const { return m_current; }
    void setCurrentRow(int row);
    QList<int> selectedRows() const;
    // A character selection inside one message: (row, (start, length) in displayedText(row)).
    QPair<int, QPair<int, int>> textSelection() const { return {m_textRow, selectionRange()}; }
    void setTextSelection(int row, int start, int length);
    // The text of a row as shown (Markdown as plain text; clipped unless expanded), "" if loading.
    QString displayedText(int row);

    // Search hits to paint over a message, as (start, length) ranges of displayedText(row).
    void setHighlight(qint64 messageId, const QList<QPair<int, int>> &ranges);
    void clearHighlights();

    // "Show all" of a clipped row: the whole text is fetched and laid out off the GUI thread.
    void expandRow(int row);
    bool isRowClipped(int row);
    // "Show less": the row clipped again without moving the reader's place. When the row's top
    // is on screen it stays; else the "Show all" link comes where anchorY (viewport coordinates:
    // the "Show less" link clicked, or where the context menu was asked for) is.
    void collapseRow(int row, int anchorY);
    bool isRowExpanded(int row);

    // Copying. Without a character selection, Ctrl+C copies the selected messages' text.
    void copy();
    void copyMessageText(int row);
    void copyMessageAsMarkdown(int row);

signals:
    void currentRowChanged(int row);
    // The context menu asked for the whole session as Markdown (TranscriptView fetches it).
    void copyConversationRequested();
    // The scroll position changed (by the reader, a jump, or rows arriving at the bottom).
    void scrolled();
    // Text was put on the clipboard (possibly after fetching whole texts): how many messages.
    void copied(int messages);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    int rowHeight(int row);
    void normalize();
    void updateScrollBar();
    QPair<int, int> selectionRange() const;
    void copyRows(const QList<int> &rows, bool markdown);
    void onRowsChanged(int first, int last);

    Connection *m_connection;
    MessagesModel *m_model;
    ConversationItems *m_items;
    RowHeightCache *m_heights;
    int m_topRow = 0;
    int m_topOffset = 0;
    bool m_stickToBottom = false;
    bool m_syncingBar = false;
    int m_current = -1;
    int m_anchor = -1;
    QSet<int> m_selected;
    int m_textRow = -1; // the row of the character selection
    int m_textAnchor = 0;
    int m_textPos = 0;
    bool m_dragging = false;
    QHash<qint64, QList<QPair<int, int>>> m_highlights;
};

} // namespace kalito::ui
