#pragma once

#include "textmatch.h"

#include <QFont>
#include <QList>
#include <QString>
#include <QTextLayout>

class QPainter;
class QRect;
class QColor;

namespace kalito::ui {

// Plain text wrapped to a width, with ranges drawn as highlighted (search hits): what the search
// results, the pins and summaries and the in-conversation find paint. The text is laid out as
// plain text (QTextLayout), never parsed as HTML or Markdown.
class WrappedText
{
public:
    struct Fitted
    {
        QString text;            // the text shown (cut, with "…" where it was)
        QList<TextRange> ranges; // the highlighted ranges inside it
        int lines = 0;
        bool clipped = false; // some of the text is not shown
    };

    // The text as shown in at most maxLines lines of `width` (maxLines <= 0: every line). When the
    // first range would fall below the last line, the text shown starts a line before it (after
    // "…"), so the hit is always in view; the last line ends in "…" when text is left over.
    static Fitted fit(const QString &text, const QList<TextRange> &ranges, const QFont &font, int width,
                      int maxLines);
    // The height of lines lines of text in font.
    static int heightOf(int lines, const QFont &font);
    // The height the whole text takes at width.
    static int heightFor(const QString &text, const QFont &font, int width);
    // Paints fitted text at rect's top left, the ranges bold on the highlight colour.
    static void paint(QPainter *painter, const QRect &rect, const Fitted &fitted, const QFont &font,
                      const QColor &textColor, const QColor &highlight, const QColor &highlightedText);

    // Lays out every line at width; returns how many.
    static int layOut(QTextLayout &layout, int width);
    // Bold (and, when valid, the colours) over the ranges.
    static QList<QTextLayout::FormatRange> formatsFor(const QList<TextRange> &ranges, const QColor &highlight,
                                                      const QColor &highlightedText);
};

} // namespace kalito::ui
