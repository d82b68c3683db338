#include "integritypanel.h"
#include "errortext.h"
#include "handover.h"

#include "findingsmodel.h"
#include "integritycontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kalito::ui {

IntegrityPanel::IntegrityPanel(IntegrityController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("quick_check (fast)"), int(IntegrityKind::Quick));
    m_kind->addItem(tr("integrity_check (thorough)"), int(IntegrityKind::Full));
    m_kind->addItem(tr("foreign_key_check"), int(IntegrityKind::ForeignKeys));
    m_wholeFile = new QCheckBox(tr("One whole-file pass (also checks page accounting; no progress)"), this);
    m_run = new QPushButton(tr("Run"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this,
            [this] { runCheck(IntegrityKind(m_kind->currentData().toInt()), !m_wholeFile->isChecked()); });
    connect(m_cancel, &QPushButton::clicked, this, &IntegrityPanel::cancel);
    m_progress = new QProgressBar(this);
    m_progress->setAccessibleName(tr("Check progress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(tr("Checks run inside a read transaction; table by table, checkpoints get through "
                             "between tables."),
                          this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_model = new FindingsModel(this);
    m_view = new QTableView(this);
    m_view->setAccessibleName(tr("Findings"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_kind);
    controls->addWidget(m_wholeFile, 1);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);

    connect(controller, &IntegrityController::started, this, &IntegrityPanel::onStarted);
    connect(controller, &IntegrityController::progress, this, &IntegrityPanel::onProgress);
    connect(controller, &IntegrityController::cancelling, this,
            [this] { m_status->setText(tr("Cancelling…")); });
    connect(controller, &IntegrityController::finished, this, &IntegrityPanel::showResult);
}

void IntegrityPanel::runCheck(IntegrityKind kind, bool perTable)
{
    m_controller->run(kind, perTable);
}

void IntegrityPanel::cancel()
{
    m_controller->cancel();
}

bool IntegrityPanel::isRunning() const
{
    return m_controller->isRunning();
}

void IntegrityPanel::onStarted(IntegrityKind kind, bool perTable)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_wholeFile->setChecked(!perTable);
    m_model->setFindings({});
    m_progress->setRange(0, perTable ? 1 : 0); // busy indicator when no progress can come
    m_progress->setValue(0);
    m_status->setText(tr("Running %1…").arg(IntegrityResult::kindName(kind)));
    setRunning(true);
}

void IntegrityPanel::onProgress(int done, int total, const QString &table)
{
    if (!m_running)
        return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    if (!table.isEmpty())
        m_status->setText(tr("Checking %1 (%2 of %3)…").arg(table).arg(done + 1).arg(total));
}

void IntegrityPanel::setRunning(bool running)
{
    m_running = running;
    if (running) {
        handOver({m_run, m_kind, m_wholeFile}, m_cancel);
        return;
    }
    m_kind->setEnabled(true);
    m_wholeFile->setEnabled(true);
    handOver({m_cancel}, m_run);
}

void IntegrityPanel::showResult(const IntegrityResult &r)
{
    setRunning(false);
    m_model->setFindings(r.problemTexts());
    m_progress->setRange(0, qMax(1, r.tablesTotal));
    m_progress->setValue(r.tablesChecked);
    QString text;
    if (r.cancelled)
        text = tr("%1 cancelled after %2 ms (%3 of %4 checked).")
                   .arg(IntegrityResult::kindName(r.kind))
                   .arg(r.elapsedMs)
                   .arg(r.tablesChecked)
                   .arg(r.tablesTotal);
    else if (r.error.isError())
        text =
            tr("%1 could not run: %2").arg(IntegrityResult::kindName(r.kind), ErrorText::describe(r.error));
    else if (r.clean)
        text = tr("%1: ok (%2 ms).").arg(IntegrityResult::kindName(r.kind)).arg(r.elapsedMs);
    else
        text = tr("%1: %Ln problem(s) found (%2 ms).", nullptr, int(r.problems.size()))
                   .arg(IntegrityResult::kindName(r.kind))
                   .arg(r.elapsedMs);
    if (r.perTable && !r.cancelled && r.kind != IntegrityKind::ForeignKeys)
        text += QLatin1Char(' ') +
                tr("Checked table by table: the whole-file page accounting needs the whole-file pass.");
    m_status->setText(text);
    emit finished(r);
}

QString IntegrityPanel::statusText() const
{
    return m_status->text();
}

int IntegrityPanel::progressValue() const
{
    return m_progress->value();
}

} // namespace kalito::ui
