#pragma once

#include "exportoptions.h"

#include <QObject>
#include <QPointer>

#include <functional>

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
    // Asks where to save: (parent, title, suggested path, filters ";;"-joined, selected filter in/out)
    // -> path, or empty when cancelled.
    using SaveDialogProvider =
        std::function<QString(QWidget *, const QString &, const QString &, const QString &, QString *)>;

    SessionExportController(Connection *connection, QWidget *dialogParent);

    // Tests and the monkey replace the save dialog; the default is SafeFileDialog.
    void setSaveDialogProvider(SaveDialogProvider provider) { m_dialog = std::move(provider); }
    QString currentSessionId() const { return m_sessionId; }
    QString currentSessionName() const { return m_sessionName; }

    // Enabled while a session is current.
    QAction *action() const { return m_action; }
    void setCurrentSession(const QString &sessionId, const QString &sessionName = QString());

    // Asks where and how (QFileDialog), then exports. Errors are shown in a message box.
    void exportSession(const QString &sessionId, const QString &sessionName);
    // Exports without asking; finished() tells the outcome.
    void exportTo(const QString &sessionId, const QString &path, ExportFormat format,
                  bool byteOrderMark = false);
    bool isRunning() const;
    // Stops the export under way: its file is discarded, and whatever was at the path before stays.
    void cancel();

    // The save dialog's filters, in order, and what each one means.
    static QStringList nameFilters();
    static ExportFormat formatForFilter(const QString &filter, bool *byteOrderMark = nullptr);
    // The format a path's own suffix names (.md, .json, .csv), else `chosen`.
    static ExportFormat formatForPath(const QString &path, ExportFormat chosen,
                                      bool *byteOrderMark = nullptr);
    // A file name for a session: its name, with only the characters no file name may hold replaced.
    static QString suggestedFileName(const QString &sessionName);

signals:
    void statusMessage(const QString &text);
    void runningChanged(bool running);
    void finished(const kalito::ExportResult &result);

private:
    Connection *m_connection;
    QWidget *m_dialogParent;
    SaveDialogProvider m_dialog;
    QAction *m_action;
    QPointer<ExportJob> m_job;
    QString m_sessionId;
    QString m_sessionName;
    bool m_interactive = false;
};

} // namespace kalito::ui
