#pragma once

#include "cardpainter.h"
#include "wrappedtext.h"

#include <QStyledItemDelegate>

namespace kalito::ui {

// A search result as a small card: a quiet line (session · role · time) over the snippet wrapped on
// up to kSnippetLines lines, the matched text bold on the highlight colour (plain text only: the
// snippet is message content, never parsed as HTML). Every row has the same height, so the list
// never measures its rows however many results stream in.
class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kSnippetLines = 3;
    static constexpr int kMargin = CardPainter::kMargin;

    explicit SearchHitDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The height of every row for a view's font.
    static int rowHeight(const QFont &font);
    // What a row shows of its snippet at a text width (for the tests: the hit stays in view).
    static WrappedText::Fitted fittedSnippet(const QModelIndex &index, const QFont &font, int width);
    // The colour the hits are painted on.
    static QColor highlightColor();
};

} // namespace kalito::ui
