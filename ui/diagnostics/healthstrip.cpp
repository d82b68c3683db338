#include "healthstrip.h"
#include "checktext.h"
#include "errortext.h"
#include "locktext.h"

#include "checkpointcontroller.h"
#include "connection.h"
#include "diagnosticsdock.h"
#include "figurelabel.h"
#include "healthfigures.h"
#include "healthmonitor.h"
#include "integritycontroller.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTime>
#include <QToolButton>

namespace kalito::ui {

namespace {

QLabel *makeFigure(QWidget *parent, const QString &objectName, const QString &toolTip)
{
    auto *label = new FigureLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setToolTip(toolTip);
    label->setAccessibleDescription(toolTip);
    label->setContentsMargins(4, 0, 4, 0);
    return label;
}

QFrame *makeSeparator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

// Amber with dark text: readable in light and dark themes, and never the only sign (the text says it).
void setWarning(QLabel *label, bool warning)
{
    label->setStyleSheet(warning ? QStringLiteral("QLabel { background: #f5c242; color: #1a1a1a; "
                                                  "border-radius: 3px; padding: 1px 4px; }")
                                 : QString());
}

QString timeOf(const QDateTime &when)
{
    return QLocale().toString(when.time(), QStringLiteral("HH:mm:ss"));
}

} // namespace

HealthStrip::HealthStrip(Connection *connection, DiagnosticsDock *details, QWidget *parent)
    : QToolBar(tr("Database health"), parent), m_connection(connection), m_detailsDock(details),
      m_checkpointController(details->checkpointController()),
      m_integrityController(details->integrityController()), m_monitor(new HealthMonitor(this))
{
    setObjectName(QStringLiteral("healthStrip"));
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    // One row in the tool bar: the figures take the room the buttons leave, and the buttons keep
    // their place at the right end whatever the figures say (a tool bar would move them, and put
    // what does not fit into a "»" menu).
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("healthRow"));
    row->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_row = new QHBoxLayout(row);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(4);
    m_figures = new HealthFigures(row);
    m_figures->setObjectName(QStringLiteral("healthFigures"));
    m_row->addWidget(m_figures, 1);
    addWidget(row);
    m_wal = makeFigure(this, QStringLiteral("healthWal"),
                       tr("Size of the -wal file (read with stat() every second)"));
    m_shm = makeFigure(this, QStringLiteral("healthShm"), tr("Size of the -shm file, the WAL-index"));
    m_backlog = makeFigure(this, QStringLiteral("healthBacklog"),
                           tr("Frames in the WAL not yet copied into the database (mxFrame - nBackfill), "
                              "read from the -shm by a child process"));
    m_readers = makeFigure(this, QStringLiteral("healthReaders"),
                           tr("Processes inside a read transaction: while they last, checkpoints cannot "
                              "copy or reset the WAL past their snapshot"));
    const QLocale locale;
    QStringList sizes;
    for (qint64 unit : {qint64(1) << 10, qint64(1) << 20, qint64(1) << 30})
        sizes << locale.formattedDataSize(unit * 1000 - unit / 100 - 1); // "999.99 MiB"
    QStringList walTexts{tr("no -wal"), tr("-wal –")}, shmTexts{tr("no -shm"), tr("-shm –")};
    for (const QString &size : sizes) {
        walTexts << tr("-wal %1").arg(size);
        shmTexts << tr("-shm %1").arg(size);
    }
    // By priority (issue 20): the -wal's size, the backlog, who holds what, the warnings, then the
    // -shm's size and the last results;
    // each keeps a slot as wide as its widest usual text, so that figures beside it do not move.
    m_figures->addFigure(m_wal, 0, walTexts);
    m_figures->addFigure(m_shm, 4, shmTexts);
    m_figures->addFigure(
        m_backlog, 1,
        {tr("backlog %1 frames").arg(locale.toString(99999)), tr("backlog –"), tr("backlog ?")});
    // The inspector's own short reads show too ("1 reader: this inspector"): room for that as well.
    m_figures->addFigure(m_readers, 2,
                         {tr("no readers"), tr("1 reader: %1").arg(tr("pid %1").arg(9999999)),
                          tr("1 reader: %1").arg(tr("this inspector"))});
    m_row->addWidget(makeSeparator(row));

    // Checkpoint: PASSIVE on a click (never makes anyone wait); the modes that do, from the menu,
    // after the same question the Diagnostics dock asks.
    m_checkpoint = addRunner(&m_checkpointStack, &m_checkpointCancel, &m_checkpointProgress);
    m_checkpoint->setObjectName(QStringLiteral("healthCheckpoint"));
    m_checkpoint->setText(tr("Checkpoint"));
    m_checkpoint->setToolTip(tr("PASSIVE checkpoint: copy what can be copied now, never wait (other "
                                "modes in the menu)"));
    auto *checkpointMenu = new QMenu(m_checkpoint);
    for (CheckpointMode mode :
         {CheckpointMode::Passive, CheckpointMode::Full, CheckpointMode::Restart, CheckpointMode::Truncate}) {
        const QString name = CheckpointResult::modeName(mode).toUpper();
        QAction *a =
            checkpointMenu->addAction(CheckpointResult::blocksWriters(mode) ? tr("%1…").arg(name) : name);
        a->setObjectName(QStringLiteral("healthCheckpoint") + name);
        connect(a, &QAction::triggered, this, [this, mode] { m_checkpointController->request(this, mode); });
    }
    m_checkpoint->setMenu(checkpointMenu);
    connect(m_checkpoint, &QToolButton::clicked, this,
            [this] { m_checkpointController->request(this, CheckpointMode::Passive); });
    connect(m_checkpointCancel, &QToolButton::clicked, m_checkpointController, &CheckpointController::cancel);
    m_checkpointResult = makeFigure(this, QStringLiteral("healthCheckpointResult"),
                                    tr("The last checkpoint run from this window"));
    // Between the two buttons: its width moves Integrity.
    const QString latest = timeOf(QDateTime(QDate(2000, 1, 1), QTime(23, 59, 59)));

    IntegrityController *integrity = m_integrityController;
    m_integrity = addRunner(&m_integrityStack, &m_integrityCancel, &m_integrityProgress);
    m_integrity->setObjectName(QStringLiteral("healthIntegrity"));
    m_integrity->setText(tr("Integrity"));
    m_integrity->setToolTip(tr("quick_check, table by table (the thorough check and the foreign keys in "
                               "the menu)"));
    auto *integrityMenu = new QMenu(m_integrity);
    for (IntegrityKind kind : {IntegrityKind::Quick, IntegrityKind::Full, IntegrityKind::ForeignKeys}) {
        QAction *a = integrityMenu->addAction(IntegrityResult::kindName(kind));
        a->setObjectName(QStringLiteral("healthIntegrity_") + IntegrityResult::kindName(kind));
        connect(a, &QAction::triggered, integrity, [integrity, kind] { integrity->run(kind); });
    }
    m_integrity->setMenu(integrityMenu);
    connect(m_integrity, &QToolButton::clicked, integrity,
            [integrity] { integrity->run(IntegrityKind::Quick); });
    connect(m_integrityCancel, &QToolButton::clicked, integrity, &IntegrityController::cancel);
    m_checkResult = makeFigure(this, QStringLiteral("healthCheckResult"), tr("The last integrity check"));

    // Last in priority but with all the room left: the warnings, shortened with the whole text in
    // the tooltip when the row is narrow.
    m_warning = makeFigure(this, QStringLiteral("healthWarning"), QString());
    // The results of the last checkpoint and check, after the warnings and before the buttons
    // they belong to, come last in priority: the buttons' tooltips and the dock say them too.
    m_figures->addFigure(m_warning, 3, {}, true);
    m_figures->addFigure(
        m_checkpointResult, 5,
        {tr("no checkpoint yet"), tr("%1 %2 %3").arg(QStringLiteral("TRUNCATE"), tr("ok"), latest)});
    m_figures->addFigure(
        m_checkResult, 6,
        {tr("not checked yet"), tr("%1 %2 %3").arg(QStringLiteral("quick_check"), tr("ok"), latest)});
    m_details = new QToolButton(this);
    m_details->setObjectName(QStringLiteral("healthDetails"));
    m_details->setText(tr("Details…"));
    m_details->setToolTip(tr("Show the Diagnostics dock: WAL-index, checkpoint history, findings, locks"));
    connect(m_details, &QToolButton::clicked, this, [this] {
        m_detailsDock->show();
        m_detailsDock->raise();
    });
    m_row->addWidget(m_details);

    connect(m_monitor, &HealthMonitor::updated, this, &HealthStrip::showSample);
    // While one runs, the result label beside it says what runs (a busy bar alone would not).
    connect(m_checkpointController, &CheckpointController::started, this, [this](CheckpointMode mode) {
        m_checkpointStack->setCurrentIndex(1);
        m_checkpointCancel->setEnabled(true);
        m_checkpointResult->setText(tr("%1 running…").arg(CheckpointResult::modeName(mode).toUpper()));
        setWarning(m_checkpointResult, false);
    });
    connect(m_checkpointController, &CheckpointController::cancelling, this, [this] {
        m_checkpointCancel->setEnabled(false);
        m_checkpointResult->setText(
            tr("%1 cancelling…")
                .arg(CheckpointResult::modeName(m_checkpointController->runningMode()).toUpper()));
    });
    connect(m_checkpointController, &CheckpointController::finished, this, &HealthStrip::showCheckpoint);
    connect(integrity, &IntegrityController::started, this, [this](IntegrityKind kind, bool perTable) {
        m_integrityProgress->setRange(0, perTable ? 1 : 0);
        m_integrityProgress->setValue(0);
        m_integrityProgress->setFormat(QStringLiteral("%p%"));
        m_integrityStack->setCurrentIndex(1);
        m_integrityCancel->setEnabled(true);
        m_checkResult->setText(tr("%1 running…").arg(IntegrityResult::kindName(kind)));
        setWarning(m_checkResult, false);
    });
    connect(integrity, &IntegrityController::progress, this,
            [this](int done, int total, const QString &) { onIntegrityProgress(done, total); });
    connect(integrity, &IntegrityController::cancelling, this, [this] {
        m_integrityCancel->setEnabled(false);
        m_checkResult->setText(
            tr("%1 cancelling…").arg(IntegrityResult::kindName(m_integrityController->runningKind())));
    });
    connect(integrity, &IntegrityController::finished, this, &HealthStrip::showCheck);

    m_checkpointResult->setText(tr("no checkpoint yet"));
    m_checkResult->setText(tr("not checked yet"));
    showSample(HealthSample());
    m_checkpoint->setEnabled(false);
    m_integrity->setEnabled(false);
    connect(connection, &Connection::opened, this, &HealthStrip::onOpened);
    if (connection->isOpen())
        onOpened(connection->openResult());
}

// A tool button and, in its place while it runs, a progress bar with Cancel.
QToolButton *HealthStrip::addRunner(QStackedWidget **stack, QToolButton **cancel, QProgressBar **progress)
{
    *stack = new QStackedWidget(this);
    auto *button = new QToolButton(*stack);
    button->setPopupMode(QToolButton::MenuButtonPopup);
    auto *running = new QWidget(*stack);
    auto *layout = new QHBoxLayout(running);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    *progress = new QProgressBar(running);
    (*progress)->setRange(0, 0); // busy until progress comes
    (*progress)->setMaximumWidth(56);
    (*progress)->setTextVisible(true);
    *cancel = new QToolButton(running);
    (*cancel)->setText(tr("Cancel"));
    layout->addWidget(*progress);
    layout->addWidget(*cancel);
    (*stack)->addWidget(button);
    (*stack)->addWidget(running);
    (*stack)->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    m_row->addWidget(*stack);
    return button;
}

void HealthStrip::onOpened(const OpenResult &result)
{
    if (!result.ok())
        return;
    m_readOnly = result.readOnly;
    m_checkpoint->setEnabled(!m_readOnly);
    if (m_readOnly)
        m_checkpoint->setToolTip(tr("Opened read-only: a checkpoint writes to the database"));
    m_integrity->setEnabled(true);
    m_monitor->setDatabasePath(result.path);
}

void HealthStrip::showSample(const HealthSample &s)
{
    const QLocale locale;
    const bool open = s.atMs > 0;
    // Wherever a figure is "–" or "?", its tooltip says why, in words.
    const QString notOpen = tr("No database is open yet: the figures show once one is.");
    m_wal->setText(!open               ? tr("-wal –")
                   : s.sizes.walExists ? tr("-wal %1").arg(locale.formattedDataSize(s.sizes.walBytes))
                                       : tr("no -wal"));
    m_wal->setToolTip(open ? tr("Size of the -wal file (read with stat() every second)") : notOpen);
    m_shm->setText(!open               ? tr("-shm –")
                   : s.sizes.shmExists ? tr("-shm %1").arg(locale.formattedDataSize(s.sizes.shmBytes))
                                       : tr("no -shm"));
    m_shm->setToolTip(open ? tr("Size of the -shm file, the WAL-index") : notOpen);
    const QString retry = tr("Trying again within %1 s, and at once when the files change.")
                              .arg(qMax<qint64>(1, m_monitor->idleProbeMs() / 1000));
    if (!open) {
        m_backlog->setText(tr("backlog –"));
        m_backlog->setToolTip(notOpen);
    } else if (!s.walIndexKnown && s.probeAtMs == 0) {
        m_backlog->setText(tr("backlog –"));
        m_backlog->setToolTip(tr("The WAL-index has not been read yet: the first probe process has not "
                                 "answered."));
    } else if (!s.walMode) {
        m_backlog->setText(tr("no WAL (rollback journal)"));
        m_backlog->setToolTip(tr("The database is not in WAL mode: there is no WAL and no backlog."));
    } else if (!s.walIndexKnown) {
        m_backlog->setText(tr("backlog ?"));
        m_backlog->setToolTip(tr("The WAL-index could not be read: %1.")
                                  .arg(s.walIndexProblem.isEmpty() ? tr("the probe process gave no reason")
                                                                   : s.walIndexProblem) +
                              u' ' + retry);
    } else {
        m_backlog->setText(s.backlog == 1 ? tr("backlog 1 frame")
                                          : tr("backlog %1 frames").arg(locale.toString(s.backlog)));
        m_backlog->setToolTip(tr("Frames in the WAL not yet copied into the database: %1 of %2 "
                                 "(mxFrame - nBackfill), read from the -shm by a child process")
                                  .arg(s.backlog)
                                  .arg(s.mxFrame));
    }

    // Who holds what, in the Locks tab's words (shortened here, in full in the tooltip).
    if (!open || !s.holdersKnown) {
        m_readers->setText(tr("readers –"));
        m_readers->setToolTip(open ? tr("The locks have not been read yet: the first probe process has not "
                                        "answered.")
                                   : notOpen);
    } else {
        m_readers->setText(LockText::holdersLine(s.holders));
        m_readers->setToolTip(LockText::holdersToolTip(s.holders));
    }
    m_checkpointController->setHolders(s.holders, s.holdersKnown);

    QStringList warnings, longer;
    // The pin first: it names the cause of the other two.
    if (s.readerPinsTooLong && !s.readers.isEmpty()) {
        const qint64 pid = s.readers.constFirst().first.pid;
        const qint64 heldS = s.readers.constFirst().second / 1000;
        warnings << tr("WAL pinned %1 s").arg(heldS); // the pid is in the readers figure beside it
        longer << tr("Process %1 has been inside one read transaction for %2 s: checkpoints cannot copy or "
                     "reset the WAL past its snapshot.")
                      .arg(pid)
                      .arg(heldS);
    }
    if (s.backlogGrowing) {
        warnings << tr("backlog growing");
        longer << tr("The backlog keeps growing past what wal_autocheckpoint leaves: checkpoints are not "
                     "keeping up.");
    }
    if (s.walGrowing) {
        warnings << tr("-wal growing");
        longer << tr("The -wal file keeps growing: the WAL is not being reset (a reader uses it, or nobody "
                     "checkpoints).");
    }
    m_warningText =
        warnings.isEmpty() ? QString() : QStringLiteral("⚠ ") + warnings.join(QStringLiteral(", "));
    m_warning->setToolTip(longer.isEmpty()
                              ? QString()
                              : longer.join(u'\n') + u'\n' + tr("Details > Locks shows who holds what."));
    m_warning->setAccessibleDescription(longer.join(u' '));
    m_warning->setText(m_warningText); // no text, no room taken
    setWarning(m_warning, !warnings.isEmpty());
    setWarning(m_backlog, s.backlogGrowing);
    setWarning(m_wal, s.walGrowing);
    setWarning(m_readers, s.readerPinsTooLong);
}

void HealthStrip::showCheckpoint(const CheckpointResult &r)
{
    m_checkpointStack->setCurrentIndex(0);
    QString outcome;
    if (r.error.isError())
        outcome = tr("error");
    else if (!r.walMode)
        outcome = tr("not in WAL mode");
    else if (r.cancelled)
        outcome = tr("cancelled");
    else if (r.busy && !r.blockedBy.isEmpty())
        outcome = tr("busy (%1), %2 of %3 frames")
                      .arg(LockText::pidOnly(r.blockedBy.constFirst().holder))
                      .arg(r.checkpointedFrames)
                      .arg(r.logFrames);
    else if (r.busy)
        outcome = tr("busy, %1 of %2 frames")
                      .arg(QLocale().toString(r.checkpointedFrames), QLocale().toString(r.logFrames));
    else if (r.checkpointedFrames < r.logFrames)
        outcome = tr("%1 of %2 frames")
                      .arg(QLocale().toString(r.checkpointedFrames), QLocale().toString(r.logFrames));
    else
        outcome = tr("ok");
    m_checkpointResult->setText(tr("%1 %2 %3")
                                    .arg(CheckpointResult::modeName(r.mode).toUpper(), outcome,
                                         timeOf(m_checkpointController->lastFinishedAt())));
    m_checkpointResult->setToolTip(r.error.isError() ? ErrorText::describe(r.error) : r.toText());
    m_monitor->tick(); // the files just changed: show it now
}

void HealthStrip::showCheck(const IntegrityResult &r)
{
    m_integrityStack->setCurrentIndex(0);
    QString outcome;
    if (r.cancelled)
        outcome = tr("cancelled");
    else if (r.error.isError())
        outcome = tr("error");
    else if (r.clean)
        outcome = tr("ok");
    else
        outcome = r.problems.size() == 1 ? tr("1 problem") : tr("%1 problems").arg(r.problems.size());
    m_checkResult->setText(tr("%1 %2 %3")
                               .arg(IntegrityResult::kindName(r.kind), outcome,
                                    timeOf(m_integrityController->lastFinishedAt())));
    m_checkResult->setToolTip(r.error.isError() ? ErrorText::describe(r.error)
                                                : CheckText::findings(r.problems.mid(0, 5)).join(u'\n'));
    setWarning(m_checkResult, !r.clean && !r.cancelled);
}

void HealthStrip::onIntegrityProgress(int done, int total)
{
    m_integrityProgress->setRange(0, total);
    m_integrityProgress->setValue(done);
}

QString HealthStrip::walText() const
{
    return m_wal->text();
}

QString HealthStrip::shmText() const
{
    return m_shm->text();
}

QString HealthStrip::backlogText() const
{
    return m_backlog->text();
}

QString HealthStrip::readersText() const
{
    return m_readers->text();
}

QString HealthStrip::checkpointText() const
{
    return m_checkpointResult->text();
}

QString HealthStrip::checkText() const
{
    return m_checkResult->text();
}

QString HealthStrip::warningText() const
{
    return m_warningText;
}

} // namespace kalito::ui
