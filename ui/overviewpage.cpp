#include "overviewpage.h"
#include "whenfinished.h"

#include "browse/dataversionwatcher.h"
#include "connection.h"

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
    whenFinished(this, m_connection->run([](Database &db) { return StatusReport::collect(db); }),
                 [this](const StatusReport &r) {
                     m_loading = false;
                     setReport(r);
                     if (m_reloadAgain) {
                         m_reloadAgain = false;
                         reload();
                     }
                 });
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
    const QLocale locale;
    m_path = report.path;
    if (m_title->text() != report.path)
        m_title->setText(report.path);
    showSizes(report.files);
    QTreeWidgetItem *pragmas = group(1, tr("Connection settings"));
    int i = 0;
    for (const PragmaSetting &p : report.pragmas) {
        QTreeWidgetItem *item = row(pragmas, i++, p.name, p.actualText(report.pageSize));
        item->setToolTip(
            1, p.took() ? QString()
                        : tr("The backend sets %1: %2").arg(p.expectedText(report.pageSize), p.reason));
    }
    trim(pragmas, i);
    QTreeWidgetItem *tables = group(2, tr("Kalito tables"));
    i = 0;
    for (const auto &t : report.tables)
        row(tables, i++, t.first, locale.toString(t.second));
    trim(tables, i);
    emit reportShown();
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
