#include "lockspanel.h"

#include "asyncprobe.h"
#include "lockstablemodel.h"

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

namespace kalito::ui {

LocksPanel::LocksPanel(QWidget *parent) : QWidget(parent)
{
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &LocksPanel::refresh);
    m_auto = new QCheckBox(tr("Every 3 s while visible"), this);
    m_auto->setChecked(true);
    m_processes = new QTreeWidget(this);
    m_processes->setRootIsDecorated(false);
    m_processes->setHeaderLabels({tr("PID"), tr("Process"), tr("User"), tr("Files open")});
    m_processes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_locksModel = new LocksTableModel(this);
    m_locksView = new QTableView(this);
    m_locksView->setModel(m_locksModel);
    m_locksView->verticalHeader()->hide();
    m_locksView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosis = new QPlainTextEdit(this);
    m_diagnosis->setReadOnly(true);

    auto *top = new QHBoxLayout;
    auto *source =
        new QLabel(tr("Read from /proc and by a child process; no SQLite connection involved."), this);
    source->setTextFormat(Qt::PlainText);
    top->addWidget(source, 1);
    top->addWidget(m_auto);
    top->addWidget(refreshButton);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_processes);
    split->addWidget(m_locksView);
    split->addWidget(m_diagnosis);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    m_probe = new AsyncProbe(this);
    connect(m_probe, &AsyncProbe::finished, this, &LocksPanel::show);
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

void LocksPanel::show(const ProbeResult &probe)
{
    // /proc is read here, on the GUI thread: a few milliseconds, and no descriptor on the files.
    m_report = LockReport::assemble(m_path, probe, &m_history);
    m_processes->clear();
    for (const ProcessInfo &p : std::as_const(m_report.processes)) {
        new QTreeWidgetItem(m_processes, {QString::number(p.pid),
                                          p.pid == m_report.selfPid ? tr("this inspector") : p.name, p.user,
                                          p.files.join(QStringLiteral(", ")) +
                                              (p.filesKnown ? QString() : tr(" (seen through its locks)"))});
    }
    m_locksModel->setLocks(m_report.locks);
    m_diagnosis->setPlainText(m_report.diagnosis.join(QLatin1Char('\n')));
    emit refreshed();
}

QString LocksPanel::diagnosisText() const
{
    return m_diagnosis->toPlainText();
}

} // namespace kalito::ui
