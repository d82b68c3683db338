#pragma once

#include "latestreply.h"
#include "spacereport.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace kalito {
class Connection;
struct SpaceScanState;
} // namespace kalito

namespace kalito::ui {

class SpaceChart;

// Where the bytes go (issue 23): the file, the freelist, -wal and -shm, every table with its
// indexes and the sessions holding the most message text, as bars read at a glance with the
// exact figures beside them and in tooltips. The report (SpaceScan) runs as Background steps
// through the connection when the page is first shown for a database, or on Analyze; Cancel
// stops it at once. A session or message is one click (or Enter) away from its conversation.
class SpacePage : public QWidget
{
    Q_OBJECT
public:
    explicit SpacePage(Connection *connection, QWidget *parent = nullptr);
    ~SpacePage() override;

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    const SpaceReport &report() const { return m_report; }
    // A new database: forget the report (read again when the page is next shown).
    void reset();

    SpaceChart *chart() const { return m_chart; }
    QTreeWidget *tablesTree() const { return m_tables; }
    QTreeWidget *sessionsTree() const { return m_sessions; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *analyzeButton() const { return m_analyze; }
    QString statusText() const;

signals:
    void openSession(const QString &sessionId, const QString &sessionName);
    void openMessage(const QString &sessionId, qint64 messageId, const QString &sessionName);
    void reportShown();
    void cancelled();
    void progressed(int permille);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void stepDone(const SpaceScanState &state);
    void finished(const SpaceScanState &state);
    void show(const SpaceReport &report);
    void showSummary(const SpaceReport &report);
    void showTables(const SpaceReport &report);
    void showSessions(const SpaceReport &report);
    void showChart(const SpaceReport &report);
    void fitNameColumn();
    void activateItem(QTreeWidgetItem *item);
    QString bytes(qint64 n) const;
    QString percent(double p) const;

    Connection *m_connection;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_analyze = nullptr;
    QPushButton *m_cancel = nullptr;
    SpaceChart *m_chart = nullptr;
    QTreeWidget *m_tables = nullptr;
    QTreeWidget *m_sessions = nullptr;
    SpaceReport m_report;
    bool m_running = false;
    bool m_haveReport = false;
    bool m_saidExpectation = false;
    bool m_fittingNames = false;     // fitNameColumn is sizing the names' column
    bool m_namesSizedByHand = false; // the person dragged its edge
    // A newer start or a cancel stops the report under way and makes its answers unwanted.
    LatestReply m_latest{m_connection};
};

} // namespace kalito::ui
