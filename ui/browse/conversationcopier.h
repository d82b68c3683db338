#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTemporaryDir;

namespace kalito {
class Connection;
class ExportJob;
struct ExportResult;
} // namespace kalito

namespace kalito::ui {

// "Copy conversation as Markdown": the whole session through the Markdown export (ExportJob, one
// page of messages per request, so the window and other requests never wait for it), written to a
// private temporary folder, put on the clipboard, and the file removed.
class ConversationCopier : public QObject
{
    Q_OBJECT
public:
    // The clipboard is not the place for more than this: a longer session is refused (export it).
    static constexpr qint64 kMaxBytes = 64 * 1024 * 1024;

    explicit ConversationCopier(Connection *connection, QObject *parent = nullptr);
    ~ConversationCopier() override;

    void start(const QString &sessionId);
    void cancel();
    bool isRunning() const;

signals:
    void progress(qint64 messages);
    // ok: the clipboard holds the conversation; otherwise message says why not (empty if cancelled).
    void finished(bool ok, qint64 messages, const QString &message);

private:
    void onFinished(const ExportResult &result);

    Connection *m_connection;
    ExportJob *m_job = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    quint64 m_copies = 0; // start() calls
};

} // namespace kalito::ui
