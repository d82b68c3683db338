#pragma once

#include "browse/schemainfo.h"

#include <QWidget>

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
class ConversationView;
class ElidedLabel;
class MessagesModel;

// The middle column: the messages of one session, oldest first, with jumps to either end. Shown
// as a conversation (each message whole, wrapped, in a bubble: the default) or as a grid (one row
// per message, in columns); both over the one MessagesModel, the current message shared.
class TranscriptView : public QWidget
{
    Q_OBJECT
public:
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
    void setSession(const QString &sessionId, const QString &title);
    // The header above the messages: the session's name (its id when it has none).
    void setTitle(const QString &title);
    QString title() const;
    // Selects and scrolls to a message of the current session once its row is known.
    void showMessage(qint64 messageId);
    void refresh();
    void jumpToEnd();
    void jumpToStart();
    MessagesModel *model() const { return m_model; }
    // The grid (used by the grid mode and by tests that read columns).
    QTableView *view() const { return m_view; }
    ConversationView *conversation() const { return m_conversation; }

signals:
    void messageSelected(qint64 messageId);
    void modeChanged(kalito::ui::TranscriptView::Mode mode);
    // A copy of the conversation finished: ok, or why not (empty when cancelled).
    void conversationCopied(bool ok, qint64 messages, const QString &message);

private:
    void onLocated(qint64 messageId, int row);
    void selectRow(int row);
    void updateStatus();
    void onCurrentRow(int row);

    MessagesModel *m_model;
    ElidedLabel *m_title;
    QLabel *m_status;
    QLabel *m_unavailable;
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
    qint64 m_pendingMessage = -1;
    int m_pendingRow = -1;
    qint64 m_selected = -1;
};

} // namespace kalito::ui
