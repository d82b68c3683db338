#include "conversationcopier.h"

#include "exportjob.h"
#include "exportoptions.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QTemporaryDir>

namespace kalito::ui {

ConversationCopier::ConversationCopier(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{}

ConversationCopier::~ConversationCopier() = default;

bool ConversationCopier::isRunning() const
{
    return m_job && m_job->isRunning();
}

void ConversationCopier::start(const QString &sessionId)
{
    cancel();
    m_dir = std::make_unique<QTemporaryDir>(); // private (0700), removed with the object
    if (!m_dir->isValid()) {
        emit finished(false, 0, tr("No temporary folder to copy through: %1").arg(m_dir->errorString()));
        return;
    }
    delete m_job;
    m_job = new ExportJob(m_connection, this);
    connect(m_job, &ExportJob::progress, this, &ConversationCopier::progress);
    connect(m_job, &ExportJob::finished, this, &ConversationCopier::onFinished);
    ExportOptions options;
    options.sessionId = sessionId;
    options.format = ExportFormat::Markdown;
    options.path = m_dir->filePath(QStringLiteral("conversation.md"));
    m_job->start(options);
}

void ConversationCopier::cancel()
{
    if (isRunning())
        m_job->cancel();
}

void ConversationCopier::onFinished(const ExportResult &result)
{
    if (result.cancelled) {
        m_dir.reset();
        emit finished(false, result.messages, QString());
        return;
    }
    if (!result.ok()) {
        m_dir.reset();
        emit finished(false, result.messages, result.error.toString());
        return;
    }
    QFile file(result.path);
    if (file.size() > kMaxBytes) {
        m_dir.reset();
        emit finished(false, result.messages,
                      tr("The conversation is too long for the clipboard (%L1 MB): export it instead")
                          .arg(file.size() / (1024 * 1024)));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_dir.reset();
        emit finished(false, result.messages, file.errorString());
        return;
    }
    const QString text = QString::fromUtf8(file.readAll());
    file.close();
    m_dir.reset();
    QApplication::clipboard()->setText(text);
    emit finished(true, result.messages, QString());
}

} // namespace kalito::ui
