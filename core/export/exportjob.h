#pragma once

#include "canceltoken.h"
#include "exportoptions.h"

#include <QObject>

#include <memory>

namespace kalito {

class Connection;
class SessionExporter;

// Runs a SessionExporter through the Connection, one page per request, so that an export of a
// long session never keeps other requests (or another process's checkpoint) waiting.
class ExportJob : public QObject
{
    Q_OBJECT
public:
    explicit ExportJob(Connection *connection, QObject *parent = nullptr);
    ~ExportJob() override;

    void start(const ExportOptions &options);
    // The file is discarded (QSaveFile) and finished(result with cancelled) follows.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(qint64 messagesWritten);
    void finished(const kalito::ExportResult &result);

private:
    struct Step
    {
        bool more = false;
        qint64 written = 0;
        ExportResult result; // set once the last step finished the file
    };
    void next();

    Connection *m_connection;
    std::shared_ptr<SessionExporter> m_exporter;
    CancelToken m_cancel; // this export's: its pages run under it
    bool m_running = false;
};

} // namespace kalito
