#include "overviewpage.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kalito::ui {

OverviewPage::OverviewPage(QWidget *parent) : QWidget(parent)
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
}

void OverviewPage::setReport(const StatusReport &report)
{
    const QLocale locale;
    m_title->setText(report.path);
    m_tree->clear();
    auto group = [this](const QString &name) {
        auto *item = new QTreeWidgetItem(m_tree, {name});
        item->setExpanded(true);
        return item;
    };
    auto *files = group(tr("Files"));
    new QTreeWidgetItem(files, {tr("Database"), locale.formattedDataSize(report.files.dbBytes)});
    new QTreeWidgetItem(files, {QStringLiteral("-wal"), report.files.walExists
                                                            ? locale.formattedDataSize(report.files.walBytes)
                                                            : tr("absent")});
    new QTreeWidgetItem(files, {QStringLiteral("-shm"), report.files.shmExists
                                                            ? locale.formattedDataSize(report.files.shmBytes)
                                                            : tr("absent")});
    auto *pragmas = group(tr("Connection settings"));
    for (const PragmaSetting &p : report.pragmas) {
        auto *item = new QTreeWidgetItem(pragmas, {p.name, p.actual});
        if (!p.took())
            item->setToolTip(1, tr("The backend sets %1: %2").arg(p.expected, p.reason));
    }
    auto *tables = group(tr("Kalito tables"));
    for (const auto &t : report.tables)
        new QTreeWidgetItem(tables, {t.first, locale.toString(t.second)});
}

} // namespace kalito::ui
