#include "integritycontroller.h"

#include "connection.h"
#include "integritycheck.h"
#include "whenfinished.h"

#include <QPointer>

namespace kalito::ui {

IntegrityController::IntegrityController(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    qRegisterMetaType<kalito::IntegrityResult>();
}

bool IntegrityController::run(IntegrityKind kind, bool perTable)
{
    if (m_run.isRunning() || !m_connection->isOpen())
        return false;
    const CancelToken flag = m_run.begin();
    m_kind = kind;
    m_perTable = perTable;
    emit started(kind, perTable);
    QPointer<IntegrityController> self(this);
    // Progress is reported on the connection thread; hop to ours.
    Connection *connection = m_connection;
    auto progress = [self, connection](int done, int total, const QString &table) {
        // Between two tables (no statement open): the pages the person asked for meanwhile run now,
        // not after the whole check.
        connection->serveInteractive();
        QMetaObject::invokeMethod(
            self,
            [self, done, total, table] {
                if (self && self->isRunning())
                    emit self->progress(done, total, table);
            },
            Qt::QueuedConnection);
    };
    whenFinished(this,
                 m_connection->run(
                     [kind, perTable, flag, progress](Database &db) {
                         return IntegrityCheck::run(db, kind, perTable, flag, progress);
                     },
                     Connection::Priority::Background, flag),
                 [this](const IntegrityResult &r) {
                     m_run.end(r);
                     emit finished(r);
                 });
    return true;
}

void IntegrityController::cancel()
{
    if (m_run.cancel()) // this check's statement only, never a page asked for meanwhile
        emit cancelling();
}

} // namespace kalito::ui
