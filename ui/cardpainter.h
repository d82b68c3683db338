#pragma once

#include <QColor>
#include <QFont>
#include <QRect>

class QPainter;
class QStyleOptionViewItem;

namespace kalito::ui {

// A card in a list: the style's background and selection, a hairline under it, a quiet line (a
// little smaller, elided) over a body the delegate paints. The search results (SearchHitDelegate)
// and the pins and summaries (NoteDelegate) are such cards; their frame is painted here, once.
class CardPainter
{
public:
    static constexpr int kMargin = 4;

    // The quiet line's font: a little smaller than the view's.
    static QFont quietFont(const QFont &font);
    // A card's height for a body of bodyHeight pixels.
    static int height(const QFont &font, int bodyHeight);
    // The body's width in a card of cardWidth.
    static int bodyWidth(int cardWidth) { return cardWidth - 2 * kMargin; }

    struct Body
    {
        QRect rect;  // from below the quiet line to the card's bottom margin
        QColor text; // the body's text colour (selected, enabled or not)
    };
    // Paints the frame and the quiet line of a card; option is initialised by the delegate, with
    // its text cleared (the style paints only the background and the selection).
    static Body paint(QPainter *painter, const QStyleOptionViewItem &option, const QString &quietLine);
};

} // namespace kalito::ui
