#include "lockspanel.h"
#include "locktext.h"
#include "offthread.h"

#include "asyncprobe.h"
#include "lockstablemodel.h"
#include "locktimelinepane.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace kalito::ui {

LocksPanel::LocksPanel(QWidget *parent) : QWidget(parent)
{
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &LocksPanel::refresh);
    m_auto = new QCheckBox(tr("Every 3 s while visible"), this);
    m_auto->setChecked(true);
    m_processes = new QTreeWidget(this);
    m_processes->setAccessibleName(tr("Processes with the database open"));
    m_processes->setRootIsDecorated(false);
    m_processes->setHeaderLabels({tr("PID"), tr("Process"), tr("User"), tr("Files open")});
    m_processes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_locksModel = new LocksTableModel(this);
    m_locksView = new QTableView(this);
    m_locksView->setAccessibleName(tr("Locks held"));
    m_locksView->setModel(m_locksModel);
    m_locksView->verticalHeader()->hide();
    m_locksView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosis = new QPlainTextEdit(this);
    m_diagnosis->setAccessibleName(tr("Lock diagnosis"));
    m_diagnosis->setReadOnly(true);

    auto *top = new QHBoxLayout;
    auto *source =
        new QLabel(tr("Read from /proc and by a child process; no SQLite connection involved."), this);
    source->setTextFormat(Qt::PlainText);
    source->setWordWrap(true); // a second line rather than a panel wider than the window
    top->addWidget(source, 1);
    top->addWidget(m_auto);
    top->addWidget(refreshButton);
    m_timeline = new LockTimelinePane(this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_timeline);
    split->addWidget(m_processes);
    split->addWidget(m_locksView);
    split->addWidget(m_diagnosis);
    // The timeline is what a person watches; the tables and the diagnosis are read at a glance.
    m_timeline->setMinimumHeight(200);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    split->setStretchFactor(3, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_probe = new AsyncProbe(this);
    connect(m_probe, &AsyncProbe::finished, this, &LocksPanel::assemble);
    connect(&m_assembling, &QFutureWatcher<Assembled>::finished, this, [this] {
        if (m_assembling.future().resultCount() > 0)
            showReport(m_assembling.result());
    });
    m_timer = new QTimer(this);
    m_timer->setInterval(3000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_auto->isChecked())
            refresh();
    });
}

void LocksPanel::setDatabasePath(const QString &path)
{
    m_path = path;
    m_history = LockHistory();
    m_timeline->setDatabasePath(path);
    if (isVisible())
        refresh();
}

void LocksPanel::refresh()
{
    m_probe->start(m_path);
}

void LocksPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer->start();
    refresh();
}

void LocksPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void LocksPanel::assemble(const ProbeResult &probe)
{
    // Reading /proc/locks and every /proc/<pid> takes milliseconds, more on a busy machine with
    // many processes: a worker thread does it, with a copy of the history it hands back.
    if (m_assembling.isRunning())
        return; // the next refresh will come
    m_assembling.setFuture(offThread([probe, work = Assembled{LockReport(), m_history, m_path}]() mutable {
        work.report = LockReport::assemble(work.path, probe, &work.history);
        return work;
    }));
}

void LocksPanel::showReport(const Assembled &assembled)
{
    if (assembled.path != m_path)
        return; // assembled for the database open before
    m_report = assembled.report;
    m_history = assembled.history;
    m_processes->clear();
    for (const ProcessInfo &p : std::as_const(m_report.processes)) {
        new QTreeWidgetItem(m_processes, {QString::number(p.pid),
                                          p.pid == m_report.selfPid ? tr("this inspector") : p.name, p.user,
                                          p.files.join(QStringLiteral(", ")) +
                                              (p.filesKnown ? QString() : tr(" (seen through its locks)"))});
    }
    m_locksModel->setLocks(m_report.locks);
    m_diagnosis->setPlainText(LockText::describe(m_report.findings).join(QLatin1Char('\n')));
    emit refreshed();
}

QString LocksPanel::diagnosisText() const
{
    return m_diagnosis->toPlainText();
}

} // namespace kalito::ui
