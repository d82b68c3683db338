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
    if (m_cancelled)
        *m_cancelled = true;
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
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
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
    if (m_cancelled)
        *m_cancelled = true;
}

void ExportJob::next()
{
    whenFinished(this, m_connection->run([exporter = m_exporter, cancelled = m_cancelled](Database &db) {
        Step s;
        if (*cancelled) {
            s.result = exporter->finish(true);
            return s;
        }
        s.more = exporter->writePage(db);
        s.written = exporter->messagesWritten();
        if (!s.more)
            s.result = exporter->finish();
        return s;
    }),
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
