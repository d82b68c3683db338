#pragma once

#include "browse/schemainfo.h"

#include <QWidget>

class QSplitter;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class MessageDetailPane;
class NotesPane;
class SessionsPane;
class TranscriptView;

// Sessions on the left, the transcript in the middle, the selected message and the session's
// pins and summaries on the right: a mail client's layout for chat data.
class ConversationsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationsPage(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    void refresh();
    // Opens the session (selecting it in the list when loaded) and selects the message; the title
    // is looked up when not given.
    // needle (a search's text) is highlighted in the message shown.
    void showMessage(const QString &sessionId, qint64 messageId, const QString &title = QString(),
                     const QString &needle = QString());
    // Opens the session (selecting it in the list when loaded), at its newest messages.
    void showSession(const QString &sessionId, const QString &title = QString());
    QString sessionId() const { return m_sessionId; }

    SessionsPane *sessions() const { return m_sessions; }
    TranscriptView *transcript() const { return m_transcript; }
    MessageDetailPane *detail() const { return m_detail; }
    NotesPane *notes() const { return m_notes; }
    QSplitter *rightColumn() const { return m_right; }

signals:
    // The session the transcript now shows, however it was chosen (list, search result). Emitted
    // again with the name once a looked-up name arrives.
    void sessionOpened(const QString &sessionId, const QString &title);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();
    void openSession(const QString &sessionId, const QString &title);
    void giveRoomToDetail(bool detail);
    void lookUpTitle(const QString &sessionId);

    SessionsPane *m_sessions;
    TranscriptView *m_transcript;
    MessageDetailPane *m_detail;
    NotesPane *m_notes;
    Connection *m_connection;
    SchemaInfo m_schema;
    QString m_sessionId;
    QSplitter *m_right = nullptr; // the message in full over the pins and summaries
    QSplitter *m_split = nullptr; // the list, the transcript, the right column
    bool m_splitDragged = false;  // the person placed the columns: the window no longer does
};

} // namespace kalito::ui
