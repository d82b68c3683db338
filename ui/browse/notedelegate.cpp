#include "notedelegate.h"

#include "cardpainter.h"
#include "notesmodel.h"
#include "wrappedtext.h"

namespace kalito::ui {

NoteDelegate::NoteDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int NoteDelegate::heightFor(const QModelIndex &index, const QFont &font, int width)
{
    const QString text = index.data(NotesModel::FullTextRole).toString();
    return CardPainter::height(font,
                               WrappedText::heightFor(text, font, qMax(1, CardPainter::bodyWidth(width))));
}

QSize NoteDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = option.rect.width() > 1 ? option.rect.width() : 240;
    return QSize(width, heightFor(index, option.font, width));
}

void NoteDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and selection from the style, the text painted here
    const CardPainter::Body body =
        CardPainter::paint(painter, opt, index.data(NotesModel::ContextLineRole).toString());
    const WrappedText::Fitted all = WrappedText::fit(index.data(NotesModel::FullTextRole).toString(), {},
                                                     option.font, body.rect.width(), 0);
    WrappedText::paint(painter, body.rect, all, option.font, body.text, QColor(), QColor());
}

} // namespace kalito::ui
