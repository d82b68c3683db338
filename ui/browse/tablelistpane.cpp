#include "tablelistpane.h"
#include "errortext.h"

#include "browse/steppedcount.h"
#include "browse/tablequery.h"
#include "browsetext.h"
#include "connection.h"
#include "counttext.h"
#include "steppedwork.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kalito::ui {

TableListPane::TableListPane(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_filter(new QLineEdit(this)), m_tree(new QTreeWidget(this))
{
    m_filter->setAccessibleName(tr("Filter tables"));
    m_tree->setAccessibleName(tr("Tables"));
    m_filter->setObjectName(QStringLiteral("tableListFilter"));
    m_filter->setPlaceholderText(tr("Filter tables"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("tableList"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Table"), tr("Rows")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(Rows, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Tables"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &TableListPane::filter);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            emit tableChosen(item->text(Name));
    });
}

void TableListPane::setSchema(const SchemaInfo &schema)
{
    m_schema = schema;
    m_tree->blockSignals(true);
    m_tree->clear();
    for (const TableInfo &t : schema.tables) {
        auto *item = new QTreeWidgetItem(m_tree, {t.name, QString()});
        item->setTextAlignment(Rows, Qt::AlignRight | Qt::AlignVCenter);
        const QString why = BrowseText::paging(t);
        if (!why.isEmpty()) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(Name, why);
        }
    }
    m_tree->blockSignals(false);
    filter(m_filter->text());
    m_latest.drop();
    m_counting = false;
    recount();
}

void TableListPane::recount()
{
    // Counting already, or hidden: count (again) when the chain ends or the list is shown.
    if (m_counting || !isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_toCount.clear();
    for (const TableInfo &t : std::as_const(m_schema.tables)) {
        if (TableQuery::paging(t) != TableQuery::Paging::Pageable)
            continue;
        m_toCount << t.name;
        QTreeWidgetItem *item = itemOf(t.name);
        if (item && item->text(Rows).isEmpty())
            item->setText(Rows, tr("counting…"));
    }
    m_counting = true;
    countNext(m_latest.next());
}

void TableListPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        recount();
}

void TableListPane::countNext(const LatestReply::Ticket &ticket)
{
    if (!ticket.isCurrent())
        return;
    if (m_toCount.isEmpty()) {
        m_counting = false;
        emit countsShown();
        if (m_stale)
            recount();
        return;
    }
    const QString name = m_toCount.takeFirst();
    const TableInfo *t = m_schema.table(name);
    if (!t) {
        countNext(ticket);
        return;
    }
    const KeysetSpec spec = TableQuery::spec(*t);
    auto show = [this, name](qint64 rows, const DbError &error) {
        if (QTreeWidgetItem *item = itemOf(name)) {
            item->setText(Rows, error.isError() ? tr("?") : CountText::exact(rows));
            item->setToolTip(Rows, error.isError() ? ErrorText::describe(error) : QString());
        }
    };
    // The one rule for counting a list (SteppedCount::start): in index or rowid ranges of about
    // 20 ms in the background, so a big table's count never holds up a page (a WITHOUT ROWID table
    // or a view: one count(*)). What takes more than one step shows an estimate first, marked so.
    SteppedCount::State state = SteppedCount::start(spec);
    state.cancel = ticket.token();
    runInSteps(
        m_connection, this, state, &SteppedCount::step,
        [this, show, ticket](const SteppedCount::State &s) {
            if (s.databaseChanged)
                return;
            show(s.count, s.error);
            countNext(ticket);
        },
        ticket.wanted(),
        [this, name](const SteppedCount::State &s) {
            QTreeWidgetItem *item = itemOf(name);
            const QString estimate = CountText::estimateOf(s);
            // An exact count from before (a recount) stays until the new one replaces it.
            if (!item || estimate.isEmpty() || item->text(Rows) != tr("counting…"))
                return;
            item->setText(Rows, estimate);
            item->setToolTip(Rows, CountText::estimateToolTip(s.estimateSource));
        });
}

void TableListPane::filter(const QString &text)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        item->setHidden(!item->text(Name).contains(text, Qt::CaseInsensitive));
    }
}

void TableListPane::setCurrent(const QString &name)
{
    QTreeWidgetItem *item = itemOf(name);
    if (!item || m_tree->currentItem() == item)
        return;
    m_tree->blockSignals(true);
    m_tree->setCurrentItem(item);
    m_tree->blockSignals(false);
}

QString TableListPane::rowsText(const QString &table) const
{
    const QTreeWidgetItem *item = itemOf(table);
    return item ? item->text(Rows) : QString();
}

QTreeWidgetItem *TableListPane::itemOf(const QString &name) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->text(Name) == name)
            return m_tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace kalito::ui
