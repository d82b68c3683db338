#include "notedelegate.h"

#include "notesmodel.h"
#include "searchhitdelegate.h"
#include "wrappedtext.h"

#include <QApplication>
#include <QPainter>

namespace kalito::ui {

NoteDelegate::NoteDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int NoteDelegate::heightFor(const QModelIndex &index, const QFont &font, int width)
{
    const QString text = index.data(NotesModel::FullTextRole).toString();
    const QFont small = SearchHitDelegate::contextFont(font);
    return kMargin * 3 + QFontMetrics(small).height() +
           WrappedText::heightFor(text, font, qMax(1, width - 2 * kMargin));
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
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    // A hairline between two cards.
    painter->save();
    QColor rule = option.palette.color(QPalette::Mid);
    rule.setAlphaF(0.5);
    painter->setPen(rule);
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();

    const bool selected = option.state & QStyle::State_Selected;
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(0.6);
    const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFont small = SearchHitDelegate::contextFont(option.font);
    const QFontMetrics sfm(small);
    painter->save();
    painter->setFont(small);
    painter->setPen(quiet);
    painter->drawText(
        QRect(area.left(), area.top(), area.width(), sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        sfm.elidedText(index.data(NotesModel::ContextLineRole).toString(), Qt::ElideRight, area.width()));
    painter->restore();
    const QRect textRect(area.left(), area.top() + sfm.height() + kMargin, area.width(),
                         area.bottom() - (area.top() + sfm.height() + kMargin) + 1);
    const WrappedText::Fitted all = WrappedText::fit(index.data(NotesModel::FullTextRole).toString(), {},
                                                     option.font, textRect.width(), 0);
    WrappedText::paint(painter, textRect, all, option.font, text, QColor(), QColor());
}

} // namespace kalito::ui
