#include "tablebrowser.h"
#include "errortext.h"

#include "browse/tablequery.h"
#include "busyindicator.h"
#include "connection.h"
#include "counttext.h"
#include "displaytext.h"
#include "tablelistpane.h"
#include "tablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kalito::ui {

TableBrowser::TableBrowser(Connection *connection, Mode mode, const QString &fixedTable, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_mode(mode), m_fixedTable(fixedTable),
      m_model(new TableModel(connection, this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_detail(new QPlainTextEdit(this)), m_reason(new QLabel(this)), m_status(new QLabel(this)),
      m_busy(new BusyIndicator(this))
{
    m_filter->setAccessibleName(tr("Filter rows"));
    m_view->setAccessibleName(tr("Rows"));
    m_detail->setAccessibleName(tr("Value in full"));
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setVisible(false);
    m_status->setTextFormat(Qt::PlainText);
    m_filter->setObjectName(QStringLiteral("rowFilter"));
    m_filter->setPlaceholderText(tr("Filter rows: any column contains…"));
    m_filter->setClearButtonEnabled(true);
    // One query per pause in typing, not one per key.
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(250);
    connect(m_filter, &QLineEdit::textChanged, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, [this] {
        m_detail->clear();
        m_model->setFilter(m_filter->text());
        m_status->setText(tr("Counting rows…")); // not the count of the previous filter
    });
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a row to read every column in full"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setDefaultSectionSize(150);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(false);
    connect(header, &QHeaderView::sectionClicked, this, &TableBrowser::onHeaderClicked);

    auto *gridSide = new QWidget(this);
    auto *gridLayout = new QVBoxLayout(gridSide);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_reason);
    gridLayout->addWidget(m_filter);
    gridLayout->addWidget(m_busy);
    auto *split = new QSplitter(Qt::Vertical, gridSide);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    // A persona's prompt deserves room; in the table list the grid matters more.
    split->setStretchFactor(0, m_mode == Mode::FixedTable ? 1 : 3);
    split->setStretchFactor(1, 1);
    gridLayout->addWidget(split, 1);
    gridLayout->addWidget(m_status);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_mode == Mode::TableList) {
        m_list = new TableListPane(connection, this);
        m_list->setMaximumWidth(320);
        auto *outer = new QSplitter(Qt::Horizontal, this);
        outer->addWidget(m_list);
        outer->addWidget(gridSide);
        outer->setStretchFactor(1, 1);
        outer->setSizes({240, 900});
        layout->addWidget(outer);
        connect(m_list, &TableListPane::tableChosen, this, &TableBrowser::showTable);
    } else {
        layout->addWidget(gridSide);
    }

    connect(m_model, &PagedModel::busyChanged, m_busy, &BusyIndicator::setBusy);
    connect(m_model, &PagedModel::countChanged, this, &TableBrowser::showCount);
    connect(m_model, &PagedModel::countEstimated, this, [this](qint64 rows, const QString &how) {
        m_status->setText(tr("%1 rows (counting…)").arg(CountText::estimate(rows)));
        m_status->setToolTip(how);
    });
    connect(m_model, &PagedModel::failed, this,
            [this](const DbError &e) { m_status->setText(ErrorText::describe(e)); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) { showRow(index.row()); });
}

void TableBrowser::setSchema(const SchemaInfo &schema)
{
    m_schema = schema;
    m_detail->clear();
    if (m_mode == Mode::FixedTable) {
        showTable(m_fixedTable);
        return;
    }
    m_list->setSchema(schema);
    m_model->clear();
    m_table.clear();
    m_status->clear();
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    m_filter->setEnabled(false); // until a table is chosen
}

void TableBrowser::showTable(const QString &name)
{
    m_table = name;
    m_detail->clear();
    m_status->clear();
    // A new table starts unsorted and unfiltered; the box is emptied without a second query.
    m_filterDelay.stop();
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    const TableInfo *t = m_schema.table(name);
    QString reason;
    if (!t) {
        reason = ErrorText::unavailable(m_schema, name);
        m_model->clear();
    } else {
        reason = m_model->setTable(*t);
    }
    showSortIndicator();
    m_reasonText = reason;
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    m_view->setEnabled(reason.isEmpty());
    m_filter->setEnabled(reason.isEmpty());
    if (m_list)
        m_list->setCurrent(name);
}

void TableBrowser::refresh()
{
    m_model->refresh();
    if (m_list)
        m_list->recount();
}

void TableBrowser::onHeaderClicked(int section)
{
    // Ascending, descending, then back to stored order (rowid or key).
    if (m_model->sortColumn() != section)
        m_model->setSort(section, Qt::AscendingOrder);
    else if (m_model->sortOrder() == Qt::AscendingOrder)
        m_model->setSort(section, Qt::DescendingOrder);
    else
        m_model->setSort(-1, Qt::AscendingOrder);
    m_detail->clear();
    showSortIndicator();
}

void TableBrowser::showSortIndicator()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int column = m_model->sortColumn();
    header->setSortIndicatorShown(column >= 0);
    if (column >= 0)
        header->setSortIndicator(column, m_model->sortOrder());
    else
        header->setSortIndicator(-1, Qt::AscendingOrder);
}

void TableBrowser::showCount(qint64 n)
{
    const QString filter = m_model->filterText();
    m_status->setToolTip(QString());
    m_status->setText(filter.isEmpty() ? tr("%Ln row(s)", nullptr, int(n))
                                       : tr("%Ln row(s) contain “%1”", nullptr, int(n)).arg(filter));
}

QString TableBrowser::statusText() const
{
    return m_status->text();
}

void TableBrowser::showRow(int row)
{
    const QVariantList key = m_model->rowKeyOf(row);
    const LatestReply::Ticket ticket = m_latest.next();
    if (key.isEmpty()) {
        m_detail->clear();
        return;
    }
    const TableInfo table = m_model->table();
    whenCurrent(this,
                m_connection->run([table, key](Database &db) { return TableQuery::row(db, table, key); },
                                  Connection::Priority::Interactive, ticket.token()),
                ticket, [this](const SqlResult &r) {
                    QString text;
                    if (!r.ok()) {
                        text = ErrorText::describe(r.error);
                    } else if (r.rows.isEmpty()) {
                        text = tr("This row no longer exists.");
                    } else {
                        for (int i = 0; i < r.columns.size(); ++i) {
                            const QVariant v = r.value(0, i);
                            QString shown;
                            if (v.isNull())
                                shown = QStringLiteral("NULL");
                            else if (v.typeId() == QMetaType::QByteArray)
                                shown = tr("<%Ln byte(s)>", nullptr, int(v.toByteArray().size()));
                            else
                                shown = DisplayText::full(v);
                            text += r.columns.at(i) + QStringLiteral(": ") + shown + QStringLiteral("\n\n");
                        }
                    }
                    m_detail->setPlainText(text);
                    emit rowShown();
                });
}

} // namespace kalito::ui
