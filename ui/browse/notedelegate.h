#pragma once

#include <QStyledItemDelegate>

namespace kalito::ui {

// A pin or a summary as a card: a quiet line (kind, details, importance, time, the messages it
// points to) over its whole text, wrapped (plain text). Rows are as tall as their text at the
// column's width (a session has few notes, so each is measured).
class NoteDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit NoteDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The height a note's card takes at a width.
    static int heightFor(const QModelIndex &index, const QFont &font, int width);
};

} // namespace kalito::ui
