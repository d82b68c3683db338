#include "exportjob.h"
#include "whenfinished.h"

#include "connection.h"
#include "sessionexporter.h"

namespace kalito {

ExportJob::ExportJob(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection), m_latest(connection)
{
    qRegisterMetaType<kalito::ExportResult>();
}

ExportJob::~ExportJob()
{
    m_latest.drop();
    // The exporter is finished (its file discarded) on the connection thread, where it was used.
    if (m_exporter)
        m_connection->run([exporter = m_exporter](Database &) { return exporter->finish(true); });
}

void ExportJob::start(const ExportOptions &options)
{
    if (m_running)
        return;
    m_running = true;
    m_exporter = std::make_shared<SessionExporter>(options);
    m_ticket = m_latest.next();
    whenFinished(this, m_connection->run([exporter = m_exporter, ticket = m_ticket](Database &db) {
        Step s;
        if (!ticket.sameDatabase()) { // an open queued before this export's first request
            s.result = exporter->finish(true);
            s.result.cancelled = true; // nothing was written: the file is left as it was
        } else if (exporter->begin(db).isError())
            s.result = exporter->finish();
        else
            s.more = true;
        return s;
    }),
                 [this](const Step &s) {
                     if (!s.more) {
                         m_running = false;
                         m_exporter.reset();
                         emit finished(s.result);
                         return;
                     }
                     next();
                 });
}

void ExportJob::cancel()
{
    m_latest.drop(); // the page being written stops; no other request is touched
}

void ExportJob::next()
{
    whenFinished(this,
                 m_connection->run(
                     [exporter = m_exporter, ticket = m_ticket](Database &db) {
                         const CancelToken &cancel = ticket.token();
                         Step s;
                         // Cancelled, or another database opened since the last page: the file is
                         // discarded, reported as cancelled.
                         if (cancel.isCancelled() || !ticket.sameDatabase()) {
                             s.result = exporter->finish(true);
                             return s;
                         }
                         s.more = exporter->writePage(db);
                         s.written = exporter->messagesWritten();
                         if (cancel.isCancelled()) // the page's statement stopped: not an error
                             s.result = exporter->finish(true);
                         else if (!s.more)
                             s.result = exporter->finish();
                         s.more = s.more && !cancel.isCancelled();
                         return s;
                     },
                     Connection::Priority::Interactive, m_ticket.token()),
                 [this](const Step &s) {
                     if (s.more) {
                         emit progress(s.written);
                         next();
                         return;
                     }
                     m_running = false;
                     m_exporter.reset();
                     emit finished(s.result);
                 });
}

} // namespace kalito
