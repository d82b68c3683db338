#pragma once

#include "browse/schemainfo.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class NotesModel;

// Pins and summaries of the selected session; choosing one jumps to its source message.
class NotesPane : public QWidget
{
    Q_OBJECT
public:
    explicit NotesPane(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    void setSession(const QString &sessionId);
    void refresh() { setSession(m_sessionId); }
    NotesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

signals:
    void jumpToMessage(qint64 messageId);
    void loaded();

private:
    Connection *m_connection;
    SchemaInfo m_schema;
    QString m_sessionId;
    NotesModel *m_model;
    QTableView *m_view;
    QLabel *m_reason;
    quint64 m_generation = 0;
    bool m_restoring = false;
};

} // namespace kalito::ui
