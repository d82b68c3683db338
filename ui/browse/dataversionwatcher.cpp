#include "dataversionwatcher.h"
#include "whenfinished.h"

#include "browse/dataversion.h"
#include "connection.h"

namespace kalito::ui {

DataVersionWatcher::DataVersionWatcher(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    connect(&m_timer, &QTimer::timeout, this, &DataVersionWatcher::poll);
}

void DataVersionWatcher::start(int intervalMs)
{
    m_version = -1;
    m_timer.start(intervalMs);
    poll();
}

void DataVersionWatcher::stop()
{
    m_timer.stop();
}

void DataVersionWatcher::poll()
{
    // Never queue a second poll behind a slow request: one in flight is enough.
    if (m_polling || !m_connection->isOpen())
        return;
    m_polling = true;
    whenFinished(this,
                 m_connection->run([](Database &db) { return DataVersion::read(db); },
                                   Connection::Priority::Background),
                 [this](qint64 version) {
                     m_polling = false;
                     const bool differs = m_version >= 0 && version != m_version;
                     if (version > 0)
                         m_version = version;
                     if (differs)
                         emit changed();
                 });
}

} // namespace kalito::ui
