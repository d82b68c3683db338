#pragma once

#include "databaseinfo.h"
#include "proberesult.h"

#include <QWidget>

class QLabel;
class QTimer;
class QTreeWidget;
class QPlainTextEdit;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class AsyncProbe;
class WalSizePlot;

// Live file sizes (stat() every second while visible), the -wal size plot, the WAL-index state
// (read by a child process when the -wal changed, at most every 2 s), and the connection's
// effective settings against the backend's.
class LivePage : public QWidget
{
    Q_OBJECT
public:
    LivePage(Connection *connection, QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    void refreshInfo();     // settings, page counts, version (one request on the connection)
    void refreshWalIndex(); // starts a probe now
    QString walIndexText() const;
    QTreeWidget *settingsTree() const { return m_settings; }
    WalSizePlot *plot() const { return m_plot; }

signals:
    void walIndexUpdated();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void tick();
    void showInfo(const DatabaseInfo &info);
    void showProbe(const ProbeResult &probe);

    Connection *m_connection;
    QString m_path;
    QTimer *m_timer = nullptr;
    AsyncProbe *m_probe = nullptr;
    QLabel *m_sizes = nullptr;
    WalSizePlot *m_plot = nullptr;
    QLabel *m_walIndex = nullptr;
    QTreeWidget *m_settings = nullptr;
    QPlainTextEdit *m_compileOptions = nullptr;
    qint64 m_lastWalBytes = -1;
    qint64 m_lastWalMtime = -1;
    qint64 m_lastProbeMs = 0;
};

} // namespace kalito::ui
