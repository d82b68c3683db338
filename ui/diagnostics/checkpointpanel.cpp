#include "checkpointpanel.h"
#include "checkpointtext.h"
#include "errortext.h"
#include "handover.h"

#include "checkpointcontroller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTime>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kalito::ui {

CheckpointPanel::CheckpointPanel(CheckpointController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    auto *buttons = new QHBoxLayout;
    for (CheckpointMode mode :
         {CheckpointMode::Passive, CheckpointMode::Full, CheckpointMode::Restart, CheckpointMode::Truncate}) {
        auto *b = new QPushButton(CheckpointResult::modeName(mode).toUpper(), this);
        b->setToolTip(mode == CheckpointMode::Passive
                          ? tr("Copy what can be copied now; never waits, never blocks anyone")
                          : tr("Waits for readers and blocks new writers while it waits"));
        connect(b, &QPushButton::clicked, this, [this, mode] { runCheckpoint(mode); });
        buttons->addWidget(b);
        m_modeButtons << b;
    }
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &CheckpointPanel::cancel);
    buttons->addStretch();
    buttons->addWidget(m_cancel);

    m_status = new QLabel(tr("No checkpoint run yet."), this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_results = new QTreeWidget(this);
    m_results->setAccessibleName(tr("Checkpoints run"));
    m_results->setRootIsDecorated(false);
    m_results->setHeaderLabels({tr("Time"), tr("Mode"), tr("Busy"), tr("Log frames"), tr("Checkpointed"),
                                tr("-wal before"), tr("-wal after"), tr("Elapsed"), tr("Note")});
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    connect(controller, &CheckpointController::started, this, [this](CheckpointMode mode) {
        setRunning(true, tr("Running %1…").arg(CheckpointResult::modeName(mode).toUpper()));
    });
    connect(controller, &CheckpointController::cancelling, this,
            [this] { m_status->setText(tr("Cancelling…")); });
    connect(controller, &CheckpointController::finished, this, &CheckpointPanel::showResult);
}

void CheckpointPanel::runCheckpoint(CheckpointMode mode, bool confirmed)
{
    m_controller->request(this, mode, confirmed);
}

QString CheckpointPanel::statusText() const
{
    return m_status->text();
}

void CheckpointPanel::cancel()
{
    m_controller->cancel();
}

bool CheckpointPanel::isRunning() const
{
    return m_controller->isRunning();
}

void CheckpointPanel::setWaitMs(int ms)
{
    m_controller->setWaitMs(ms);
}

void CheckpointPanel::setRunning(bool running, const QString &status)
{
    if (running) {
        handOver({m_modeButtons.cbegin(), m_modeButtons.cend()}, m_cancel);
    } else {
        for (QPushButton *b : std::as_const(m_modeButtons))
            b->setEnabled(true);
        handOver({m_cancel}, m_modeButtons.constFirst());
    }
    m_status->setText(status);
}

void CheckpointPanel::showResult(const CheckpointResult &r)
{
    QString note;
    if (r.error.isError())
        note = ErrorText::describe(r.error);
    else if (!r.walMode)
        note = tr("not in WAL mode: nothing to checkpoint");
    else if (r.cancelled)
        note = tr("cancelled while waiting");
    else if (r.busy || r.partial())
        note = CheckpointText::blockedBy(r); // who it waited for, from a look right after
    const QLocale locale;
    auto *item =
        new QTreeWidgetItem({QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                             CheckpointResult::modeName(r.mode).toUpper(), QString::number(r.busy ? 1 : 0),
                             QString::number(r.logFrames), QString::number(r.checkpointedFrames),
                             locale.formattedDataSize(r.walBytesBefore),
                             locale.formattedDataSize(r.walBytesAfter), tr("%1 ms").arg(r.elapsedMs), note});
    // The exact sizes are one hover away, for comparing with ls -l.
    item->setToolTip(WalBefore, tr("%1 bytes").arg(locale.toString(r.walBytesBefore)));
    item->setToolTip(WalAfter, tr("%1 bytes").arg(locale.toString(r.walBytesAfter)));
    m_results->insertTopLevelItem(0, item);
    setRunning(
        false,
        note.isEmpty()
            ? tr("%1 finished in %2 ms.").arg(CheckpointResult::modeName(r.mode).toUpper()).arg(r.elapsedMs)
            : note);
    emit finished(r);
}

} // namespace kalito::ui
