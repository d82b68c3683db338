#pragma once

#include "browse/schemainfo.h"

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class BusyIndicator;
class ElidedLabel;
class FindBar;
class HighlightDelegate;
class LiveFollower;
class MessagesModel;

// The middle column: the messages of one session, oldest first, with jumps to either end.
class TranscriptView : public QWidget
{
    Q_OBJECT
public:
    explicit TranscriptView(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    void setSession(const QString &sessionId, const QString &title);
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
    // The text highlighted in the messages shown (a find's, or an opened search result's).
    QString highlight() const { return m_needle; }
    // The view shows the newest message (its last row on screen, at the bottom).
    bool isAtEnd() const;
    void refresh();
    void jumpToEnd();
    void jumpToStart();
    MessagesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void messageSelected(qint64 messageId);
    // The text to highlight in the message shown in full (empty: none).
    void highlightChanged(const QString &needle);

private:
    void onLocated(qint64 messageId, int row);
    void selectRow(int row);
    void updateStatus();
    void setHighlight(const QString &needle);
    QVariantList currentKey() const;

    MessagesModel *m_model;
    ElidedLabel *m_title;
    QLabel *m_status;
    QLabel *m_unavailable;
    QTableView *m_view;
    QToolButton *m_start;
    QToolButton *m_end;
    BusyIndicator *m_busy;
    FindBar *m_find;
    LiveFollower *m_follower;
    HighlightDelegate *m_highlighter;
    QString m_needle;
    qint64 m_pendingMessage = -1;
    int m_pendingRow = -1;
    qint64 m_selected = -1;
};

} // namespace kalito::ui
