#pragma once

#include "browse/schemainfo.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class BusyIndicator;
class SessionsModel;

// The left column: filter box, persona and saved filters, and the sessions list.
class SessionsPane : public QWidget
{
    Q_OBJECT
public:
    explicit SessionsPane(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    void refresh();
    // Selects the session's row if it is among the rows loaded; returns whether it was.
    bool selectSession(const QString &sessionId);
    // The session shown elsewhere (a search result): selected now or when its row loads, and no
    // other row stays selected meanwhile. Emits nothing.
    void setCurrentSession(const QString &sessionId);
    SessionsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString currentSessionId() const { return m_current; }
    // The width that shows a typical session name (about 24 characters) whole beside the persona,
    // the count and the time, in this language and font.
    int preferredWidth() const { return m_preferredWidth; }

signals:
    void sessionSelected(const QString &sessionId, const QString &title);

private:
    void applyFilter();
    void onCurrentChanged();
    void loadPersonas();
    void fitColumns(); // also before any database: the same narrow columns, no scroll bar
    void updateStatus();
    void clearHighlight();

    Connection *m_connection;
    SchemaInfo m_schema;
    SessionsModel *m_model;
    QLineEdit *m_filter;
    QComboBox *m_persona;
    QComboBox *m_saved;
    QTableView *m_view;
    QLabel *m_status;
    QLabel *m_unavailable;
    BusyIndicator *m_busy;
    QTimer m_debounce;
    QString m_current;
    QString m_path; // the database the filter and sort were chosen for
    int m_preferredWidth = 0;
    int m_loadingRow = -1;  // the current row, chosen while its page was still loading
    int m_sortSection = -1; // the sort shown by the header's indicator (-1: stored order)
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace kalito::ui
