#pragma once

#include "browse/schemainfo.h"
#include "latestreply.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class BusyIndicator;
class TableListPane;
class TableModel;

// A read-only grid for any table, with the selected row in full below it. With a table list
// (the Tables page, each table with its row count) or fixed on one table (the Personas page).
// Clicking a header sorts by that column, again reverses, a third time returns to stored order;
// the filter box keeps rows where any shown column contains its text.
class TableBrowser : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { TableList, FixedTable };
    TableBrowser(Connection *connection, Mode mode, const QString &fixedTable = QString(),
                 QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    void showTable(const QString &name);
    void refresh();
    QString currentTable() const { return m_table; }
    TableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The Tables page's list of tables (nullptr on a fixed table's page).
    TableListPane *tableList() const { return m_list; }
    QLineEdit *filterBox() const { return m_filter; }
    QPlainTextEdit *rowDetail() const { return m_detail; }
    QString statusText() const;
    // Why this page shows nothing (a fixed table that is missing), else empty.
    QString unavailableReason() const { return m_reasonText; }

signals:
    void rowShown();

private:
    void showRow(int row);
    void onHeaderClicked(int section);
    void showSortIndicator();
    void showCount(qint64 count);

    Connection *m_connection;
    Mode m_mode;
    QString m_fixedTable;
    SchemaInfo m_schema;
    QString m_table;
    QString m_reasonText;
    TableModel *m_model;
    TableListPane *m_list = nullptr;
    QLineEdit *m_filter;
    QTimer m_filterDelay;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QLabel *m_reason;
    QLabel *m_status;
    BusyIndicator *m_busy;
    LatestReply m_latest{m_connection}; // the row asked for last
};

} // namespace kalito::ui
