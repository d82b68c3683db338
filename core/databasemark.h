#pragma once

#include "connection.h"

#include <QPointer>

namespace kalito {

// "Has the database changed under this work?", answered once: the database a request (a
// LatestReply ticket) or a chain of steps (runInSteps' StepState) was asked for under, marked by
// Connection::databaseSerial() when it was asked for. Another database opened since (or a close)
// makes it a different database. Cheap to copy; read on any thread (chained work checks it on the
// connection thread before each step).
class DatabaseMark
{
public:
    DatabaseMark() = default; // no connection to follow: always the same database
    explicit DatabaseMark(const Connection *connection)
        : m_connection(connection), m_serial(connection ? connection->databaseSerial() : 0)
    {}

    // The connection still has the database this mark was taken under (always, without one).
    bool sameDatabase() const { return !m_connection || m_connection->databaseSerial() == m_serial; }

private:
    QPointer<const Connection> m_connection;
    quint64 m_serial = 0;
};

} // namespace kalito
