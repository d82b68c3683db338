#include "searchhitdelegate.h"

#include "searchresultsmodel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

namespace kalito::ui {

SearchHitDelegate::SearchHitDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QFont SearchHitDelegate::contextFont(const QFont &font)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.9);
    else if (f.pixelSize() > 0)
        f.setPixelSize(qMax(8, f.pixelSize() * 9 / 10));
    return f;
}

int SearchHitDelegate::rowHeight(const QFont &font)
{
    return kMargin * 3 + QFontMetrics(contextFont(font)).height() +
           WrappedText::heightOf(kSnippetLines, font);
}

QColor SearchHitDelegate::highlightColor()
{
    return QColor(255, 214, 64); // a marker pen's yellow, readable under black text on light and dark rows
}

WrappedText::Fitted SearchHitDelegate::fittedSnippet(const QModelIndex &index, const QFont &font, int width)
{
    const QString snippet = index.data(Qt::DisplayRole).toString();
    const auto ranges = index.data(SearchResultsModel::MatchRangesRole).value<QList<TextRange>>();
    return WrappedText::fit(snippet, ranges, font, width, kSnippetLines);
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width() > 0 ? option.rect.width() : 200, rowHeight(option.font));
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the background and selection from the style, the text painted here
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
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(0.6);

    const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFont small = contextFont(option.font);
    const QFontMetrics sfm(small);
    painter->save();
    painter->setFont(small);
    painter->setPen(quiet);
    const QString context = index.data(SearchResultsModel::ContextLineRole).toString();
    painter->drawText(QRect(area.left(), area.top(), area.width(), sfm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      sfm.elidedText(context, Qt::ElideRight, area.width()));
    painter->restore();

    const QRect textRect(area.left(), area.top() + sfm.height() + kMargin, area.width(),
                         WrappedText::heightOf(kSnippetLines, option.font));
    const WrappedText::Fitted fitted = fittedSnippet(index, option.font, textRect.width());
    WrappedText::paint(painter, textRect, fitted, option.font, text, highlightColor(), QColor(Qt::black));
}

} // namespace kalito::ui
