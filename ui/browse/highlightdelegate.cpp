#include "highlightdelegate.h"

#include "searchhitdelegate.h"
#include "wrappedtext.h"

#include <QApplication>
#include <QPainter>

namespace kalito::ui {

HighlightDelegate::HighlightDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    if (m_match.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    const QList<TextRange> ranges = m_match.findAll(text);
    if (ranges.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    QString line = text;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const WrappedText::Fitted fitted = WrappedText::fit(line, ranges, opt.font, textRect.width(), 1);
    const int lineHeight = WrappedText::heightOf(1, opt.font);
    const QRect lineRect(textRect.left(), textRect.top() + (textRect.height() - lineHeight) / 2,
                         textRect.width(), lineHeight);
    const bool selected = option.state & QStyle::State_Selected;
    WrappedText::paint(painter, lineRect, fitted, opt.font,
                       option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text),
                       SearchHitDelegate::highlightColor(), QColor(Qt::black));
}

} // namespace kalito::ui
