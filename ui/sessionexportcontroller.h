#pragma once

#include "exportoptions.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace kalito {
class Connection;
class ExportJob;
} // namespace kalito

namespace kalito::ui {

// "Export session…": asks for a file and a format (the save dialog's type filter), then runs an
// ExportJob through the connection, page by page. The window tells it which session is current.
class SessionExportController : public QObject
{
    Q_OBJECT
public:
    SessionExportController(Connection *connection, QWidget *dialogParent);

    // Enabled while a session is current.
    QAction *action() const { return m_action; }
    void setCurrentSession(const QString &sessionId, const QString &sessionName = QString());

    // Asks where and how (QFileDialog), then exports. Errors are shown in a message box.
    void exportSession(const QString &sessionId, const QString &sessionName);
    // Exports without asking; finished() tells the outcome.
    void exportTo(const QString &sessionId, const QString &path, ExportFormat format,
                  bool byteOrderMark = false);
    bool isRunning() const;

    // The save dialog's filters, in order, and what each one means.
    static QStringList nameFilters();
    static ExportFormat formatForFilter(const QString &filter, bool *byteOrderMark = nullptr);

signals:
    void statusMessage(const QString &text);
    void finished(const kalito::ExportResult &result);

private:
    Connection *m_connection;
    QWidget *m_dialogParent;
    QAction *m_action;
    QPointer<ExportJob> m_job;
    QString m_sessionId;
    QString m_sessionName;
    bool m_interactive = false;
};

} // namespace kalito::ui
