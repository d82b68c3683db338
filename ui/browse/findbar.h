#pragma once

#include "browse/schemainfo.h"
#include "latestreply.h"
#include "sessionfind.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace kalito {
class Connection;
}

namespace kalito::ui {

// Ctrl+F inside a conversation: finds a text within the open session (SessionFind, run on the
// connection in short background steps), tells "k of n messages" honestly, and moves between the
// messages found: Enter or F3 to the next, Shift+Enter or Shift+F3 to the previous, wrapping at
// either end. The view shows each message found and highlights the text in it.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    // Another session: the old results go (the text stays, found again when the bar is open).
    void setSession(const QString &sessionId);
    // Where next() starts when the find completes: the message the reader is at ((created_at, id)).
    void setOrigin(const QVariantList &key) { m_origin = key; }
    // Opens the bar with the cursor in its field (text selected).
    void activate();
    void close();
    // The session's message count changed on disk: messages appended are searched (the ones
    // already found stay, and so does the current one); fewer messages, the find starts over.
    void sessionCountChanged(qint64 count);

    void next();
    void previous();

    QString needle() const { return m_found; }
    bool isRunning() const { return m_running; }
    int count() const { return int(m_hits.size()); }
    int currentIndex() const { return m_current; }
    qint64 currentMessage() const { return m_current >= 0 ? m_hits.at(m_current).id : -1; }
    QLineEdit *edit() const { return m_edit; }
    QLabel *countLabel() const { return m_count; }

signals:
    // Show this message with the needle highlighted in it.
    void showHit(qint64 messageId, const QString &needle);
    // The text to highlight in every message shown (empty: none).
    void highlightChanged(const QString &needle);
    void finished();
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void start(const QString &needle);
    void run(SessionFind::Scan start, qint64 keep);
    void onDone(const SessionFind::Scan &scan);
    void step(int by);
    void updateCount();

    Connection *m_connection;
    SchemaInfo m_schema;
    QString m_sessionId;
    QLineEdit *m_edit;
    QLabel *m_count;
    QToolButton *m_prev;
    QToolButton *m_nextButton;
    QToolButton *m_close;
    QTimer m_typing; // finds as the person types, once they pause
    QString m_found; // the needle the hits are for
    QList<SessionFind::Hit> m_hits;
    QVariantList m_origin;
    int m_current = -1;
    int m_pendingStep = 0; // Enter pressed before the find finished: moves once it has
    bool m_running = false;
    bool m_limitReached = false;
    QString m_error;
    SessionFind::Scan m_last; // the last scan finished (resumed when messages are appended)
    qint64 m_knownCount = -1;
    LatestReply m_latest{m_connection}; // the find under way
};

} // namespace kalito::ui
