#pragma once

#include "browse/schemainfo.h"
#include "latestreply.h"

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class NotesModel;

// Pins and summaries of the selected session; choosing one jumps to its source message.
// Kalito has no index on the notes' session_id: finding one session's notes reads both tables
// whole (in steps). So they are read only while this pane is shown and open; when the tables are
// large (kOpenRows) it starts closed, and says why.
class NotesPane : public QWidget
{
    Q_OBJECT
public:
    explicit NotesPane(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    void setSession(const QString &sessionId);
    void refresh();
    // Open: the notes are read (while the pane is visible) and shown; closed: nothing is read.
    void setOpen(bool open);
    bool isOpen() const { return m_open; }
    // Above this many rows to read per session the pane starts closed (unless opened before).
    static constexpr qint64 kOpenRows = 50000;
    NotesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void jumpToMessage(qint64 messageId);
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void scanIfShown();
    void showOpenState();

    Connection *m_connection;
    SchemaInfo m_schema;
    QString m_sessionId;
    NotesModel *m_model;
    QTableView *m_view;
    QLabel *m_reason;
    QToolButton *m_toggle;
    QLabel *m_readNote;                     // why the pane is closed, or reads only while open
    LatestReply m_latestScan{m_connection}; // the notes asked for last
    LatestReply m_latestCost{m_connection}; // what a session's notes cost to find, for the last schema
    qint64 m_unindexedRows = -1;            // -1 until known for this schema
    bool m_open = true;
    bool m_chosen = false; // the person opened or closed it: that stays
    QString m_scannedFor;  // the session whose notes were asked for (empty: none yet)
    bool m_restoring = false;
};

} // namespace kalito::ui
