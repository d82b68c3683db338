#pragma once

#include "statusreport.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class DataVersionWatcher;

// The database at a glance: file sizes, connection settings, Kalito tables and their rows. It keeps
// itself current: the file sizes every second while it is visible (stat() only, no SQL), the whole
// report when another process wrote and on reload(). Items are updated in place, so what the
// user expanded and where they scrolled survive every refresh.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(Connection *connection, QWidget *parent = nullptr);

    // Reads the whole report again through the connection (F5, a database opened).
    void reload();
    // Reloads when the watcher sees another process's commit (at once if visible, else when shown).
    void followChanges(DataVersionWatcher *watcher);
    void setReport(const StatusReport &report);
    // Whether the row counts are being counted (reportShown() follows when they are all in).
    bool isCounting() const { return m_loading; }
    // The text shown for an item of a group ("Files" / "-wal"), for tests and accessibility.
    QString valueOf(const QString &group, const QString &item) const;
    QTreeWidget *tree() const { return m_tree; }

signals:
    // The whole report is shown, every row count exact.
    void reportShown();
    void sizesShown();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateSizes();
    void showSettings(const StatusReport &report);
    void showTableRow(int index, const QString &name, const QString &value, const QString &toolTip);
    void countNext(const StatusReport &report, int index);
    void finishLoading();
    void showSizes(const FileSizes &files);
    QTreeWidgetItem *group(int index, const QString &name);
    QTreeWidgetItem *row(QTreeWidgetItem *parent, int index, const QString &name, const QString &value);
    static void trim(QTreeWidgetItem *parent, int count);

    Connection *m_connection;
    QLabel *m_title = nullptr;
    QTreeWidget *m_tree = nullptr;
    QTimer m_sizeTimer;
    QString m_path;
    bool m_loading = false;
    bool m_reloadAgain = false; // a change arrived while a report was being read
    bool m_stale = false;       // a change arrived while hidden
};

} // namespace kalito::ui
