#include "overviewpage.h"
#include "errortext.h"
#include "opentext.h"
#include "whenfinished.h"

#include "browse/counttext.h"
#include "browse/dataversionwatcher.h"
#include "browse/steppedcount.h"
#include "connection.h"
#include "steppedwork.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kalito::ui {

OverviewPage::OverviewPage(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Item"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Database overview"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tree);
    // The -wal grows and shrinks between commits the watcher sees: a stat() a second follows it.
    m_sizeTimer.setInterval(1000);
    connect(&m_sizeTimer, &QTimer::timeout, this, &OverviewPage::updateSizes);
}

void OverviewPage::followChanges(DataVersionWatcher *watcher)
{
    connect(watcher, &DataVersionWatcher::changed, this, [this] {
        if (isVisible())
            reload();
        else
            m_stale = true;
    });
}

void OverviewPage::reload()
{
    if (!m_connection->isOpen())
        return;
    // Row counts of a big database take a moment: one report at a time, the latest wins.
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    m_stale = false;
    // Background: the settings and the tables present (no counts), then each table's count in short
    // steps. The first page of sessions, and whatever the person asks for, go first.
    whenFinished(this,
                 m_connection->run([](Database &db) { return StatusReport::collect(db, false); },
                                   Connection::Priority::Background),
                 [this](const StatusReport &r) {
                     showSettings(r);
                     countNext(r, 0);
                 });
}

void OverviewPage::countNext(const StatusReport &report, int index)
{
    if (index >= report.tables.size()) {
        trim(group(2, tr("Kalito tables")), int(report.tables.size()));
        finishLoading();
        emit reportShown();
        return;
    }
    const QString name = report.tables.at(index).first;
    QTreeWidgetItem *tables = group(2, tr("Kalito tables"));
    const QTreeWidgetItem *shown = tables->child(index);
    // A count shown before (a refresh) stays until the new one replaces it.
    if (!shown || shown->text(0) != name)
        showTableRow(index, name, tr("counting…"), QString());
    runInSteps(
        m_connection, this, SteppedCount::start(name), &SteppedCount::step,
        [this, report, index, name](const SteppedCount::State &s) {
            if (s.databaseChanged) {
                finishLoading();
                return;
            }
            showTableRow(index, name, s.error.isError() ? tr("?") : CountText::exact(s.count),
                         s.error.isError() ? ErrorText::describe(s.error) : QString());
            countNext(report, index + 1);
        },
        {},
        [this, index, name](const SteppedCount::State &s) {
            QTreeWidgetItem *item = group(2, tr("Kalito tables"))->child(index);
            const QString estimate = CountText::estimateOf(s);
            if (item && !estimate.isEmpty() && item->text(1) == tr("counting…"))
                showTableRow(index, name, estimate, CountText::estimateToolTip(s.estimateSource));
        });
}

void OverviewPage::finishLoading()
{
    m_loading = false;
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload();
    }
}

void OverviewPage::showTableRow(int index, const QString &name, const QString &value, const QString &toolTip)
{
    QTreeWidgetItem *item = row(group(2, tr("Kalito tables")), index, name, value);
    if (item->toolTip(1) != toolTip)
        item->setToolTip(1, toolTip);
}

void OverviewPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_sizeTimer.start();
    updateSizes();
    if (m_stale)
        reload();
}

void OverviewPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_sizeTimer.stop();
}

void OverviewPage::updateSizes()
{
    if (m_path.isEmpty())
        return;
    showSizes(FileSizes::of(m_path));
    emit sizesShown();
}

QTreeWidgetItem *OverviewPage::group(int index, const QString &name)
{
    QTreeWidgetItem *item = m_tree->topLevelItem(index);
    if (!item) {
        item = new QTreeWidgetItem(m_tree, {name});
        item->setExpanded(true); // expanded once; after that the user decides
    }
    item->setText(0, name);
    return item;
}

QTreeWidgetItem *OverviewPage::row(QTreeWidgetItem *parent, int index, const QString &name,
                                   const QString &value)
{
    QTreeWidgetItem *item = parent->child(index);
    if (!item)
        item = new QTreeWidgetItem(parent);
    // Setting an unchanged text would still repaint: compare first.
    if (item->text(0) != name)
        item->setText(0, name);
    if (item->text(1) != value)
        item->setText(1, value);
    return item;
}

void OverviewPage::trim(QTreeWidgetItem *parent, int count)
{
    while (parent->childCount() > count)
        delete parent->takeChild(parent->childCount() - 1);
}

void OverviewPage::showSizes(const FileSizes &files)
{
    const QLocale locale;
    QTreeWidgetItem *g = group(0, tr("Files"));
    auto size = [&](int index, const QString &name, bool exists, qint64 bytes) {
        QTreeWidgetItem *item = row(g, index, name, exists ? locale.formattedDataSize(bytes) : tr("absent"));
        item->setToolTip(1, exists ? tr("%1 bytes").arg(locale.toString(bytes)) : QString());
    };
    size(0, tr("Database"), true, files.dbBytes);
    size(1, QStringLiteral("-wal"), files.walExists, files.walBytes);
    size(2, QStringLiteral("-shm"), files.shmExists, files.shmBytes);
    trim(g, 3);
}

void OverviewPage::setReport(const StatusReport &report)
{
    showSettings(report);
    int i = 0;
    for (const auto &t : report.tables)
        showTableRow(i++, t.first, CountText::exact(t.second), QString());
    trim(group(2, tr("Kalito tables")), i);
    emit reportShown();
}

void OverviewPage::showSettings(const StatusReport &report)
{
    m_path = report.path;
    if (m_title->text() != report.path)
        m_title->setText(report.path);
    showSizes(report.files);
    QTreeWidgetItem *pragmas = group(1, tr("Connection settings"));
    int i = 0;
    for (const PragmaSetting &p : report.pragmas) {
        QTreeWidgetItem *item = row(pragmas, i++, p.name, p.actualText(report.pageSize));
        item->setToolTip(1, p.took() ? QString()
                                     : tr("The backend sets %1: %2")
                                           .arg(p.expectedText(report.pageSize), OpenText::pragmaReason(p)));
    }
    trim(pragmas, i);
    group(2, tr("Kalito tables"));
}

QString OverviewPage::valueOf(const QString &groupName, const QString &item) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *top = m_tree->topLevelItem(g);
        if (top->text(0) != groupName)
            continue;
        for (int c = 0; c < top->childCount(); ++c) {
            if (top->child(c)->text(0) == item)
                return top->child(c)->text(1);
        }
    }
    return QString();
}

} // namespace kalito::ui
