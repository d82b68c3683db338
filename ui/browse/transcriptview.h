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
    // Selects and scrolls to a message of the current session once its row is known.
    void showMessage(qint64 messageId);
    void refresh();
    void jumpToEnd();
    void jumpToStart();
    MessagesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void messageSelected(qint64 messageId);

private:
    void onLocated(qint64 messageId, int row);
    void selectRow(int row);
    void updateStatus();

    MessagesModel *m_model;
    ElidedLabel *m_title;
    QLabel *m_status;
    QLabel *m_unavailable;
    QTableView *m_view;
    QToolButton *m_start;
    QToolButton *m_end;
    BusyIndicator *m_busy;
    qint64 m_pendingMessage = -1;
    int m_pendingRow = -1;
    qint64 m_selected = -1;
};

} // namespace kalito::ui
