#pragma once

#include "integrityresult.h"
#include "runstate.h"

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

    bool isRunning() const { return m_run.isRunning(); }
    IntegrityKind runningKind() const { return m_kind; }
    bool runningPerTable() const { return m_perTable; }
    bool hasResult() const { return m_run.hasResult(); }
    const IntegrityResult &lastResult() const { return m_run.lastResult(); }
    QDateTime lastFinishedAt() const { return m_run.lastFinishedAt(); }

signals:
    void started(kalito::IntegrityKind kind, bool perTable);
    // total 0: no progress can come (one whole-file pass).
    void progress(int done, int total, const QString &table);
    void cancelling();
    void finished(const kalito::IntegrityResult &result);

private:
    Connection *m_connection;
    RunState<IntegrityResult> m_run;
    IntegrityKind m_kind = IntegrityKind::Quick;
    bool m_perTable = true;
};

} // namespace kalito::ui
