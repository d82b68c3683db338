#pragma once

#include "lockhistory.h"
#include "lockreport.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QTableView;
class QTimer;
class QTreeWidget;

namespace kalito::ui {

class AsyncProbe;
class LocksTableModel;
class LockTimelinePane;

// Who has the database open, who holds which lock, and the diagnosis. Refreshed on demand or
// every 3 s while visible; watching over time is what lets it say "writing for at least 12 s".
// Above them, a live timeline of the holds (LockTimelinePane). Nothing here reads /proc or the
// files on the GUI thread: the probe is a child process and the report is assembled on a worker.
class LocksPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LocksPanel(QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    void refresh();
    const LockReport &report() const { return m_report; }
    LocksTableModel *locksModel() const { return m_locksModel; }
    QString diagnosisText() const;
    LockTimelinePane *timelinePane() const { return m_timeline; }

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Assembled
    {
        LockReport report;
        LockHistory history;
        QString path;
    };
    void assemble(const ProbeResult &probe);
    void showReport(const Assembled &assembled);

    QString m_path;
    AsyncProbe *m_probe = nullptr;
    QTimer *m_timer = nullptr;
    QCheckBox *m_auto = nullptr;
    QTreeWidget *m_processes = nullptr;
    QTableView *m_locksView = nullptr;
    LocksTableModel *m_locksModel = nullptr;
    QPlainTextEdit *m_diagnosis = nullptr;
    LockReport m_report;
    LockHistory m_history;
    LockTimelinePane *m_timeline = nullptr;
    QFutureWatcher<Assembled> m_assembling;
};

} // namespace kalito::ui
