#pragma once

#include "browse/schemainfo.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTableView;

namespace kalito {
class Connection;
}

namespace kalito::ui {

class BusyIndicator;
class TableModel;

// A read-only grid for any table, with the selected row in full below it. With a table list
// (the Tables page) or fixed on one table (the Personas page).
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
    QListWidget *tableList() const { return m_list; }
    QPlainTextEdit *rowDetail() const { return m_detail; }
    // Why this page shows nothing (a fixed table that is missing), else empty.
    QString unavailableReason() const { return m_reasonText; }

signals:
    void rowShown();

private:
    void showRow(int row);

    Connection *m_connection;
    Mode m_mode;
    QString m_fixedTable;
    SchemaInfo m_schema;
    QString m_table;
    QString m_reasonText;
    TableModel *m_model;
    QListWidget *m_list = nullptr;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QLabel *m_reason;
    QLabel *m_status;
    BusyIndicator *m_busy;
    quint64 m_generation = 0;
};

} // namespace kalito::ui
