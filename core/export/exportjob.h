#pragma once

#include "exportoptions.h"
#include "latestreply.h"

#include <QObject>

#include <memory>

namespace kalito {

class Connection;
class SessionExporter;

// Runs a SessionExporter through the Connection, one page per request, so that an export of a
// long session never keeps other requests (or another process's checkpoint) waiting. Another
// database opened (or the database closed) while it runs stops it like cancel(): the pages still to
// write would come from another file.
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
    LatestReply m_latest;
    LatestReply::Ticket m_ticket; // this export's: its pages run under its token, on its database
    bool m_running = false;
};

} // namespace kalito
