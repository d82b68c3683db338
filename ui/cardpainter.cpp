#include "cardpainter.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionViewItem>

namespace kalito::ui {

QFont CardPainter::quietFont(const QFont &font)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    else if (f.pixelSize() > 0)
        f.setPixelSize(qMax(8, f.pixelSize() * 9 / 10));
    return f;
}

int CardPainter::height(const QFont &font, int bodyHeight)
{
    return kMargin * 3 + QFontMetrics(quietFont(font)).height() + bodyHeight;
}

CardPainter::Body CardPainter::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QString &quietLine)
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);
    // A hairline between two cards.
    painter->save();
    QColor rule = option.palette.color(QPalette::Mid);
    rule.setAlphaF(0.5);
    painter->setPen(rule);
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    Body body;
    body.text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = body.text;
    quiet.setAlphaF(0.6);

    const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFont small = quietFont(option.font);
    const QFontMetrics sfm(small);
    painter->save();
    painter->setFont(small);
    painter->setPen(quiet);
    painter->drawText(QRect(area.left(), area.top(), area.width(), sfm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(quietLine, Qt::ElideRight, area.width()));
    painter->restore();
    const int top = area.top() + sfm.height() + kMargin;
    body.rect = QRect(area.left(), top, area.width(), area.bottom() - top + 1);
    return body;
}

} // namespace kalito::ui
