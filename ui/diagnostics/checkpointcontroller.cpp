#include "checkpointcontroller.h"

#include "checkpointblockers.h"
#include "checkpointrunner.h"
#include "checkpointtext.h"
#include "connection.h"
#include "whenfinished.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace kalito::ui {

CheckpointController::CheckpointController(Connection *connection, QObject *parent)
    : QObject(parent), m_connection(connection)
{
    qRegisterMetaType<kalito::CheckpointResult>();
}

bool CheckpointController::confirm(QWidget *parent, CheckpointMode mode) const
{
    if (!CheckpointResult::blocksWriters(mode))
        return true;
    const QString name = CheckpointResult::modeName(mode).toUpper();
    // The question goes in the text: some desktops show no title bar on a dialog, and a box with
    // only the explanation and Yes/No does not say what Yes would do.
    const QString question = tr("Run a %1 checkpoint?").arg(name);
    QMessageBox box(QMessageBox::Question, question, question, QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(QStringLiteral("checkpointConfirm"));
    box.setInformativeText(wouldWaitText(mode) + QStringLiteral("\n\n") +
                           tr("While a %1 checkpoint waits for readers, every writer (the backend too) "
                              "waits as well. It waits up to %2 s; you can cancel it.")
                               .arg(name)
                               .arg(m_waitMs / 1000));
    // No by default: Enter alone must not make the backend's writers wait.
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void CheckpointController::setHolders(const QList<LockFinding> &holders, bool known)
{
    m_holders = holders;
    m_holdersKnown = known;
}

QString CheckpointController::wouldWaitText(CheckpointMode mode) const
{
    return CheckpointText::wouldWait(
        CheckpointBlockers::of(m_holders, mode, QCoreApplication::applicationPid()), mode, m_waitMs,
        m_holdersKnown);
}

bool CheckpointController::request(QWidget *parent, CheckpointMode mode, bool confirmed)
{
    if (m_run.isRunning() || !m_connection->isOpen())
        return false;
    if (!confirmed && !confirm(parent, mode))
        return false;
    return run(mode);
}

bool CheckpointController::run(CheckpointMode mode)
{
    if (m_run.isRunning() || !m_connection->isOpen())
        return false;
    const CancelToken flag = m_run.begin();
    const int waitMs = m_waitMs;
    m_mode = mode;
    emit started(mode);
    whenFinished(
        this,
        m_connection->run(
            [mode, flag, waitMs](Database &db) { return CheckpointRunner::run(db, mode, flag, waitMs); },
            Connection::Priority::Interactive, flag),
        [this](const CheckpointResult &r) {
            m_run.end(r);
            emit finished(r);
        });
    return true;
}

void CheckpointController::cancel()
{
    if (m_run.cancel()) // this checkpoint's wait only, never another request
        emit cancelling();
}

} // namespace kalito::ui
