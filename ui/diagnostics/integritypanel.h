#pragma once

#include "cancelflag.h"
#include "integrityresult.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class FindingsModel;

// quick_check, integrity_check and foreign_key_check on the connection thread, table by table
// with a progress bar (or in one whole-file pass), Cancel, and the findings one per row.
class IntegrityPanel : public QWidget
{
    Q_OBJECT
public:
    IntegrityPanel(Connection *connection, QWidget *parent = nullptr);

    void runCheck(IntegrityKind kind, bool perTable = true);
    void cancel();
    bool isRunning() const { return m_running; }
    FindingsModel *findings() const { return m_model; }
    QString statusText() const;
    int progressValue() const;

signals:
    void finished(const kalito::IntegrityResult &result);

private:
    void onProgress(int done, int total, const QString &table);
    void show(const IntegrityResult &r);
    void setRunning(bool running);

    Connection *m_connection;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_wholeFile = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    FindingsModel *m_model = nullptr;
    CancelFlag m_cancelFlag;
    bool m_running = false;
};

} // namespace kalito::ui
