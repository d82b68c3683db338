#pragma once

#include "browse/schemainfo.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class BusyIndicator;
class ConversationCopier;
class ConversationHighlighter;
class ConversationView;
class ElidedLabel;
class FindBar;
class HighlightDelegate;
class LiveFollower;
class MessagesModel;

// The middle column: the messages of one session, oldest first, with jumps to either end. Shown
// as a conversation (each message whole, wrapped, in a bubble: the default) or as a grid (one row
// per message, in columns); both over the one MessagesModel, the current message shared.
class TranscriptView : public QWidget
{
    Q_OBJECT
public:
    QSize minimumSizeHint() const override;

    enum class Mode { Conversation, Grid };

    explicit TranscriptView(Connection *connection, QWidget *parent = nullptr);

    // The toggle's buttons remember the reader's choice (settings key transcriptMode); a call does not.
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The current message's row in either view, -1 when none.
    int currentRow() const;
    // "Copy conversation as Markdown" (the whole session, through the export; cancellable).
    void copyConversation();
    void cancelCopy();

    void setSchema(const SchemaInfo &schema);
    // messageCount: the session's count when known (the sessions list's), else -1.
    void setSession(const QString &sessionId, const QString &title, qint64 messageCount = -1);
    // The header above the messages: the session's name (its id when it has none).
    void setTitle(const QString &title);
    QString title() const;
    // Selects and scrolls to a message of the current session once its row is known; needle (a
    // search's text) is highlighted in it.
    void showMessage(qint64 messageId, const QString &needle = QString());
    // Ctrl+F inside the conversation: the find bar, with the cursor in it.
    void openFind();
    bool canFind() const;
    FindBar *findBar() const { return m_find; }
    LiveFollower *follower() const { return m_follower; }
    ConversationHighlighter *conversationHighlighter() const { return m_convHighlighter; }
    // The text highlighted in the messages shown (a find's, or an opened search result's).
    QString highlight() const { return m_needle; }
    // The view shows the newest message (its last row on screen, at the bottom).
    bool isAtEnd() const;
    void refresh();
    void jumpToEnd();
    void jumpToStart();
    MessagesModel *model() const { return m_model; }
    // The grid (used by the grid mode and by tests that read columns).
    QTableView *view() const { return m_view; }
    ConversationView *conversation() const { return m_conversation; }

signals:
    void messageSelected(qint64 messageId);
    // The text to highlight in the message shown in full (empty: none).
    void highlightChanged(const QString &needle);
    void modeChanged(kalito::ui::TranscriptView::Mode mode);
    // A copy of the conversation finished: ok, or why not (empty when cancelled).
    void conversationCopied(bool ok, qint64 messages, const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void placeControls();
    void onLocated(qint64 messageId, int row);
    void selectRow(int row);
    void updateStatus();
    void setHighlight(const QString &needle);
    QVariantList currentKey() const;
    void onCurrentRow(int row);

    MessagesModel *m_model;
    ElidedLabel *m_title;
    QLabel *m_status;
    QLabel *m_unavailable;
    QLabel *m_problem; // a page that failed, or a damaged file: wrapped under the header, never elided
    QTableView *m_view;
    ConversationView *m_conversation;
    QStackedWidget *m_stack;
    QToolButton *m_conversationButton;
    QToolButton *m_gridButton;
    QToolButton *m_cancelCopy;
    ConversationCopier *m_copier;
    Mode m_mode = Mode::Conversation;
    QToolButton *m_start;
    QToolButton *m_end;
    BusyIndicator *m_busy;
    FindBar *m_find;
    LiveFollower *m_follower;
    HighlightDelegate *m_highlighter;
    ConversationHighlighter *m_convHighlighter;
    QString m_needle;
    qint64 m_pendingMessage = -1;
    int m_pendingRow = -1;
    qint64 m_selected = -1;
    QWidget *m_controls = nullptr; // the mode and jump buttons
    QGridLayout *m_head = nullptr;
};

} // namespace kalito::ui
