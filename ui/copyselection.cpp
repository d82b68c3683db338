#include "copyselection.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace kalito::ui {

namespace {

QString cell(const QModelIndex &index)
{
    QString s = index.data(Qt::DisplayRole).toString();
    if (s.contains(QLatin1Char('\t')) || s.contains(QLatin1Char('\n')) || s.contains(QLatin1Char('\r')) ||
        s.startsWith(QLatin1Char('"'))) {
        s.replace(QLatin1String("\""), QLatin1String("\"\""));
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

} // namespace

QString CopySelection::toTsv(const QModelIndexList &indexes)
{
    QMap<int, QMap<int, QModelIndex>> rows; // row -> column -> index, both sorted
    QSet<int> columnSet;
    for (const QModelIndex &i : indexes) {
        rows[i.row()][i.column()] = i;
        columnSet.insert(i.column());
    }
    QList<int> columns(columnSet.begin(), columnSet.end());
    std::sort(columns.begin(), columns.end());
    QStringList lines;
    for (auto row = rows.cbegin(); row != rows.cend(); ++row) {
        QStringList cells;
        for (int c : columns)
            cells << (row->contains(c) ? cell(row->value(c)) : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void CopySelection::copy(QAbstractItemView *view)
{
    if (!view->selectionModel())
        return;
    const QString text = toTsv(view->selectionModel()->selectedIndexes());
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

QAction *CopySelection::install(QAbstractItemView *view)
{
    auto *action = new QAction(tr("&Copy"), view);
    action->setShortcut(QKeySequence::Copy);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(action, &QAction::triggered, view, [view] { copy(view); });
    view->addAction(action);
    return action;
}

} // namespace kalito::ui
