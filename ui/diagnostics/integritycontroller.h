#pragma once

#include "canceltoken.h"
#include "integrityresult.h"

#include <QDateTime>
#include <QObject>

namespace kalito {
class Connection;
}

namespace kalito::ui {

// Runs one integrity check at a time on the connection thread, for every view that offers one
// (the Diagnostics dock's Integrity tab and the health strip), with progress table by table.
class IntegrityController : public QObject
{
    Q_OBJECT
public:
    explicit IntegrityController(Connection *connection, QObject *parent = nullptr);

    // Starts a check unless one runs already or nothing is open.
    bool run(IntegrityKind kind, bool perTable = true);
    void cancel();

    bool isRunning() const { return m_running; }
    IntegrityKind runningKind() const { return m_kind; }
    bool runningPerTable() const { return m_perTable; }
    bool hasResult() const { return m_finishedAt.isValid(); }
    const IntegrityResult &lastResult() const { return m_last; }
    QDateTime lastFinishedAt() const { return m_finishedAt; }

signals:
    void started(kalito::IntegrityKind kind, bool perTable);
    // total 0: no progress can come (one whole-file pass).
    void progress(int done, int total, const QString &table);
    void cancelling();
    void finished(const kalito::IntegrityResult &result);

private:
    Connection *m_connection;
    CancelToken m_cancelToken;
    IntegrityKind m_kind = IntegrityKind::Quick;
    bool m_perTable = true;
    bool m_running = false;
    IntegrityResult m_last;
    QDateTime m_finishedAt;
};

} // namespace kalito::ui
