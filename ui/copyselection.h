#pragma once

#include <QCoreApplication>
#include <QModelIndexList>
#include <QString>

class QAbstractItemView;
class QAction;

namespace kalito::ui {

// Copies the selected cells of any item view as tab-separated text (Ctrl+C), rows in model
// order and, per row, the columns selected anywhere (a hole in the selection is an empty cell).
// A cell holding a tab, a line break or starting with a quote is quoted with doubled quotes, the
// convention spreadsheets apply when they read pasted text.
class CopySelection
{
    Q_DECLARE_TR_FUNCTIONS(CopySelection)

public:
    // Adds a Copy action (QKeySequence::Copy, active while the view has focus) to the view.
    static QAction *install(QAbstractItemView *view);
    static QString toTsv(const QModelIndexList &indexes);
    static void copy(QAbstractItemView *view);
};

} // namespace kalito::ui
