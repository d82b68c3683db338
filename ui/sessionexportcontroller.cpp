#include "sessionexportcontroller.h"

#include "exportjob.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>

namespace kalito::ui {

SessionExportController::SessionExportController(Connection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_connection(connection), m_dialogParent(dialogParent),
      m_dialog([](QWidget *parent, const QString &title, const QString &suggested, const QString &filters,
                  QString *selected) {
          return QFileDialog::getSaveFileName(parent, title, suggested, filters, selected);
      })
{
    m_action = new QAction(tr("&Export session…"), this);
    m_action->setEnabled(false);
    connect(m_action, &QAction::triggered, this, [this] { exportSession(m_sessionId, m_sessionName); });
}

void SessionExportController::setCurrentSession(const QString &sessionId, const QString &sessionName)
{
    m_sessionId = sessionId;
    m_sessionName = sessionName;
    m_action->setEnabled(!sessionId.isEmpty());
}

QStringList SessionExportController::nameFilters()
{
    return {tr("Markdown (*.md)"), tr("JSON (*.json)"), tr("CSV (*.csv)"),
            tr("CSV for spreadsheets, with a UTF-8 byte-order mark (*.csv)")};
}

ExportFormat SessionExportController::formatForFilter(const QString &filter, bool *byteOrderMark)
{
    const QStringList filters = nameFilters();
    const int i = int(filters.indexOf(filter));
    if (byteOrderMark)
        *byteOrderMark = i == 3;
    switch (i) {
    case 0:
        return ExportFormat::Markdown;
    case 2:
    case 3:
        return ExportFormat::Csv;
    default:
        return ExportFormat::Json;
    }
}

bool SessionExportController::isRunning() const
{
    return m_job && m_job->isRunning();
}

void SessionExportController::exportSession(const QString &sessionId, const QString &sessionName)
{
    if (sessionId.isEmpty() || isRunning())
        return;
    QString base = sessionName.isEmpty() ? sessionId : sessionName;
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral("_"));
    QString filter = nameFilters().first();
    QString path = m_dialog(m_dialogParent, tr("Export session"),
                            QDir::home().filePath(base.left(80) + QStringLiteral(".md")),
                            nameFilters().join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    bool bom = false;
    const ExportFormat format = formatForFilter(filter, &bom);
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + formatSuffix(format);
    m_interactive = true;
    exportTo(sessionId, path, format, bom);
}

void SessionExportController::exportTo(const QString &sessionId, const QString &path, ExportFormat format,
                                       bool byteOrderMark)
{
    if (isRunning())
        return;
    auto *job = new ExportJob(m_connection, this);
    m_job = job;
    connect(job, &ExportJob::progress, this, [this](qint64 n) {
        emit statusMessage(tr("Exporting… %n message(s) written", nullptr, int(n)));
    });
    connect(job, &ExportJob::finished, this, [this, job](const ExportResult &r) {
        job->deleteLater();
        const bool interactive = std::exchange(m_interactive, false);
        if (r.ok())
            emit statusMessage(tr("Exported %n message(s) to %1", nullptr, int(r.messages)).arg(r.path));
        else
            emit statusMessage(tr("Export failed: %1").arg(r.error.toString()));
        if (interactive && r.error.isError())
            QMessageBox::warning(m_dialogParent, tr("Export failed"), r.error.toString());
        emit finished(r);
    });
    ExportOptions o;
    o.sessionId = sessionId;
    o.path = path;
    o.format = format;
    o.csvByteOrderMark = byteOrderMark;
    job->start(o);
}

} // namespace kalito::ui
