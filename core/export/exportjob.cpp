#include "exportjob.h"
#include "whenfinished.h"

#include "connection.h"
#include "sessionexporter.h"

namespace kalito {

ExportJob::ExportJob(Connection *connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    qRegisterMetaType<kalito::ExportResult>();
}

ExportJob::~ExportJob()
{
    m_cancel.cancel();
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
    m_cancel = CancelToken();
    whenFinished(this, m_connection->run([exporter = m_exporter](Database &db) {
        Step s;
        if (exporter->begin(db).isError())
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
    m_cancel.cancel(); // the page being written stops; no other request is touched
}

void ExportJob::next()
{
    whenFinished(this,
                 m_connection->run(
                     [exporter = m_exporter, cancel = m_cancel](Database &db) {
                         Step s;
                         if (cancel.isCancelled()) {
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
                     Connection::Priority::Interactive, m_cancel),
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
