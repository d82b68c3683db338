#pragma once

#include "browse/schemainfo.h"
#include "latestreply.h"

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace kalito {
class Connection;
}

namespace kalito::ui {

// The Tables page's list: every table with its row count, and a box that filters the list by
// name. The list shows at once; counts follow in the background, table after table, each in short
// steps (SteppedCount), so a page the user asks for waits behind at most one step; a table that
// takes more than one step shows an estimate ("≈ 1,000,000") until its exact count arrives.
class TableListPane : public QWidget
{
    Q_OBJECT
public:
    enum Columns { Name, Rows };

    explicit TableListPane(Connection *connection, QWidget *parent = nullptr);

    void setSchema(const SchemaInfo &schema);
    // Counts every table again (another process wrote); the old numbers stay until replaced.
    // While the list is hidden it only notes that the counts are stale and counts when shown.
    void recount();
    void setCurrent(const QString &name);
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterBox() const { return m_filter; }
    QString rowsText(const QString &table) const;
    bool isCounting() const { return m_counting; }

signals:
    void tableChosen(const QString &name);
    // Every table has its row count (or an error) after setSchema() or recount().
    void countsShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void filter(const QString &text);
    void countNext(const LatestReply::Ticket &ticket);
    QTreeWidgetItem *itemOf(const QString &name) const;

    Connection *m_connection;
    SchemaInfo m_schema;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QStringList m_toCount;
    LatestReply m_latest{m_connection}; // the chain of counts under way; a new schema abandons it
    bool m_counting = false;
    bool m_stale = false;
};

} // namespace kalito::ui
