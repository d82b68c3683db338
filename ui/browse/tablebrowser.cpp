#include "tablebrowser.h"
#include "whenfinished.h"

#include "browse/tablequery.h"
#include "busyindicator.h"
#include "connection.h"
#include "tablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kalito::ui {

TableBrowser::TableBrowser(Connection *connection, Mode mode, const QString &fixedTable, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_mode(mode), m_fixedTable(fixedTable),
      m_model(new TableModel(connection, this)), m_view(new QTableView(this)),
      m_detail(new QPlainTextEdit(this)), m_reason(new QLabel(this)), m_status(new QLabel(this)),
      m_busy(new BusyIndicator(this))
{
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setVisible(false);
    m_status->setTextFormat(Qt::PlainText);
    m_detail->setReadOnly(true);
    m_detail->setPlaceholderText(tr("Select a row to read every column in full"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setDefaultSectionSize(150);

    auto *gridSide = new QWidget(this);
    auto *gridLayout = new QVBoxLayout(gridSide);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_reason);
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
        m_list = new QListWidget(this);
        m_list->setMaximumWidth(260);
        auto *outer = new QSplitter(Qt::Horizontal, this);
        outer->addWidget(m_list);
        outer->addWidget(gridSide);
        outer->setStretchFactor(1, 1);
        outer->setSizes({200, 900});
        layout->addWidget(outer);
        connect(m_list, &QListWidget::currentTextChanged, this, &TableBrowser::showTable);
    } else {
        layout->addWidget(gridSide);
    }

    connect(m_model, &PagedModel::busyChanged, m_busy, &BusyIndicator::setBusy);
    connect(m_model, &PagedModel::countChanged, this,
            [this](qint64 n) { m_status->setText(tr("%n row(s)", nullptr, int(n))); });
    connect(m_model, &PagedModel::failed, this, [this](const QString &m) { m_status->setText(m); });
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
    m_list->blockSignals(true);
    m_list->clear();
    for (const TableInfo &t : schema.tables) {
        auto *item = new QListWidgetItem(t.name, m_list);
        const QString why = TableQuery::unpageableReason(t);
        if (!why.isEmpty()) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(why);
        }
    }
    m_list->blockSignals(false);
    m_model->clear();
    m_table.clear();
    m_status->clear();
}

void TableBrowser::showTable(const QString &name)
{
    m_table = name;
    m_detail->clear();
    m_status->clear();
    const TableInfo *t = m_schema.table(name);
    QString reason;
    if (!t) {
        reason = m_schema.unavailableReason(name);
        m_model->clear();
    } else {
        reason = m_model->setTable(*t);
    }
    m_reasonText = reason;
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    m_view->setEnabled(reason.isEmpty());
    if (m_list) {
        const QList<QListWidgetItem *> items = m_list->findItems(name, Qt::MatchExactly);
        if (!items.isEmpty() && m_list->currentItem() != items.first()) {
            m_list->blockSignals(true);
            m_list->setCurrentItem(items.first());
            m_list->blockSignals(false);
        }
    }
}

void TableBrowser::refresh()
{
    m_model->refresh();
}

void TableBrowser::showRow(int row)
{
    const QVariantList key = m_model->keyOf(row);
    const quint64 generation = ++m_generation;
    if (key.isEmpty()) {
        m_detail->clear();
        return;
    }
    const TableInfo table = m_model->table();
    whenFinished(this,
                 m_connection->run([table, key](Database &db) { return TableQuery::row(db, table, key); }),
                 [this, generation](const SqlResult &r) {
                     if (generation != m_generation)
                         return;
                     QString text;
                     if (!r.ok()) {
                         text = r.error.toString();
                     } else if (r.rows.isEmpty()) {
                         text = tr("This row no longer exists.");
                     } else {
                         for (int i = 0; i < r.columns.size(); ++i) {
                             const QVariant v = r.value(0, i);
                             QString shown;
                             if (v.isNull())
                                 shown = QStringLiteral("NULL");
                             else if (v.typeId() == QMetaType::QByteArray)
                                 shown = tr("<%n byte(s)>", nullptr, int(v.toByteArray().size()));
                             else
                                 shown = v.toString();
                             text += r.columns.at(i) + QStringLiteral(": ") + shown + QStringLiteral("\n\n");
                         }
                     }
                     m_detail->setPlainText(text);
                     emit rowShown();
                 });
}

} // namespace kalito::ui
