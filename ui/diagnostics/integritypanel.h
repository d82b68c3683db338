#pragma once

#include "integrityresult.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kalito::ui {

class FindingsModel;
class IntegrityController;

// quick_check, integrity_check and foreign_key_check on the connection thread, table by table
// with a progress bar (or in one whole-file pass), Cancel, and the findings one per row. The runs
// go through an IntegrityController shared with the health strip: a check started there shows here.
class IntegrityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit IntegrityPanel(IntegrityController *controller, QWidget *parent = nullptr);

    void runCheck(IntegrityKind kind, bool perTable = true);
    void cancel();
    bool isRunning() const;
    FindingsModel *findings() const { return m_model; }
    QString statusText() const;
    int progressValue() const;

signals:
    void finished(const kalito::IntegrityResult &result);

private:
    void onProgress(int done, int total, const QString &table);
    void onStarted(IntegrityKind kind, bool perTable);
    void showResult(const IntegrityResult &r);
    void setRunning(bool running);

    IntegrityController *m_controller;
    QComboBox *m_kind = nullptr;
    QCheckBox *m_wholeFile = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    FindingsModel *m_model = nullptr;
    bool m_running = false;
};

} // namespace kalito::ui
