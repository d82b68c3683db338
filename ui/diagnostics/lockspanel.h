#pragma once

#include "lockhistory.h"
#include "lockreport.h"

#include <QWidget>

class QCheckBox;
class QPlainTextEdit;
class QTableView;
class QTimer;
class QTreeWidget;

namespace kalito::ui {

class AsyncProbe;
class LocksTableModel;

// Who has the database open, who holds which lock, and the diagnosis. Refreshed on demand or
// every 3 s while visible; watching over time is what lets it say "writing for at least 12 s".
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

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void show(const ProbeResult &probe);

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
};

} // namespace kalito::ui
