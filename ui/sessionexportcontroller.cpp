#include "sessionexportcontroller.h"
#include "errortext.h"
#include "safefiledialog.h"

#include "settingswriter.h"

#include "exportjob.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>

namespace kalito::ui {

SessionExportController::SessionExportController(Connection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_connection(connection), m_dialogParent(dialogParent),
      m_dialog([](QWidget *parent, const QString &title, const QString &suggested, const QString &filters,
                  QString *selected) {
          // Often the database's own folder: the dialog must not open the files it lists.
          SafeFileDialog::Request request;
          request.title = title;
          request.path = suggested;
          request.nameFilters = filters.split(QStringLiteral(";;"));
          request.selectedFilter = selected;
          request.save = true;
          request.objectName = QStringLiteral("exportFileDialog");
          return SafeFileDialog::ask(parent, request);
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

void SessionExportController::cancel()
{
    if (isRunning())
        m_job->cancel();
}

QString SessionExportController::suggestedFileName(const QString &sessionName)
{
    // Only what no file name may hold is replaced: accents, other scripts and emoji stay.
    QString base = sessionName.simplified();
    base.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]+")), QStringLiteral("_"));
    return base.left(80);
}

ExportFormat SessionExportController::formatForPath(const QString &path, ExportFormat chosen,
                                                    bool *byteOrderMark)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (ExportFormat f : {ExportFormat::Markdown, ExportFormat::Json, ExportFormat::Csv}) {
        if (suffix == formatSuffix(f)) {
            if (f != ExportFormat::Csv && byteOrderMark)
                *byteOrderMark = false;
            return f;
        }
    }
    return chosen;
}

void SessionExportController::exportSession(const QString &sessionId, const QString &sessionName)
{
    if (sessionId.isEmpty() || isRunning())
        return;
    const QString folder = QSettings().value(QStringLiteral("exportFolder"), QDir::homePath()).toString();
    const QString base = suggestedFileName(sessionName.isEmpty() ? sessionId : sessionName);
    QString filter = nameFilters().first();
    QString path =
        m_dialog(m_dialogParent, tr("Export session"), QDir(folder).filePath(base + QStringLiteral(".md")),
                 nameFilters().join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    bool bom = false;
    // A name typed with .csv is a CSV file whatever type the dialog still had selected.
    const ExportFormat format = formatForPath(path, formatForFilter(filter, &bom), &bom);
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + formatSuffix(format);
    SettingsWriter::write([folder = QFileInfo(path).absolutePath()](QSettings &settings) {
        settings.setValue(QStringLiteral("exportFolder"), folder);
    });
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
        emit statusMessage(tr("Exporting… %Ln message(s) written", nullptr, int(n)));
    });
    connect(job, &ExportJob::finished, this, [this, job](const ExportResult &r) {
        job->deleteLater();
        const bool interactive = std::exchange(m_interactive, false);
        emit runningChanged(false);
        if (r.ok())
            emit statusMessage(tr("Exported %Ln message(s) to %1", nullptr, int(r.messages)).arg(r.path));
        else if (r.cancelled)
            emit statusMessage(tr("Export cancelled; %1 was left as it was").arg(r.path));
        else
            emit statusMessage(tr("Export failed: %1").arg(ErrorText::describe(r.error)));
        if (interactive && r.error.isError())
            QMessageBox::warning(m_dialogParent, tr("Export failed"), ErrorText::describe(r.error));
        emit finished(r);
    });
    ExportOptions o;
    o.sessionId = sessionId;
    o.path = path;
    o.format = format;
    o.csvByteOrderMark = byteOrderMark;
    job->start(o);
    emit runningChanged(true);
}

} // namespace kalito::ui
