#include "conversationcopier.h"

#include "exportjob.h"
#include "exportoptions.h"
#include "offthread.h"
#include "whenfinished.h"

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
    ++m_copies; // a copy still being read drops its text: the latest one counts
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
    // Reading and decoding megabytes takes a fifth of a second: off the GUI thread. The temporary
    // folder goes with the job's result, once the text is read.
    struct Read
    {
        bool ok = false;
        QString text;
        QString error;
        qint64 bytes = 0;
    };
    std::shared_ptr<QTemporaryDir> dir(std::move(m_dir));
    const qint64 messages = result.messages;
    const quint64 copy = m_copies;
    whenFinished(this, offThread([path = result.path, dir] {
                     Read r;
                     QFile file(path);
                     r.bytes = file.size();
                     if (r.bytes > kMaxBytes)
                         return r;
                     if (!file.open(QIODevice::ReadOnly)) {
                         r.error = file.errorString();
                         return r;
                     }
                     r.text = QString::fromUtf8(file.readAll());
                     r.ok = true;
                     return r;
                 }),
                 [this, messages, copy](const Read &r) {
                     if (copy != m_copies)
                         return;
                     if (r.bytes > kMaxBytes) {
                         emit finished(
                             false, messages,
                             tr("The conversation is too long for the clipboard (%L1 MB): export it instead")
                                 .arg(r.bytes / (1024 * 1024)));
                         return;
                     }
                     if (!r.ok) {
                         emit finished(false, messages, r.error);
                         return;
                     }
                     QApplication::clipboard()->setText(r.text);
                     emit finished(true, messages, QString());
                 });
}

} // namespace kalito::ui
