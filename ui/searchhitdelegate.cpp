#include "searchhitdelegate.h"

#include "cardpainter.h"
#include "searchresultsmodel.h"

#include <QPainter>

namespace kalito::ui {

SearchHitDelegate::SearchHitDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

int SearchHitDelegate::rowHeight(const QFont &font)
{
    return CardPainter::height(font, WrappedText::heightOf(kSnippetLines, font));
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
    const CardPainter::Body body =
        CardPainter::paint(painter, opt, index.data(SearchResultsModel::ContextLineRole).toString());
    const QRect textRect(body.rect.topLeft(),
                         QSize(body.rect.width(), WrappedText::heightOf(kSnippetLines, option.font)));
    const WrappedText::Fitted fitted = fittedSnippet(index, option.font, textRect.width());
    WrappedText::paint(painter, textRect, fitted, option.font, body.text, highlightColor(),
                       QColor(Qt::black));
}

} // namespace kalito::ui
