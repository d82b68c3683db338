#include "wrappedtext.h"

#include <QFontMetrics>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace kalito::ui {

namespace {

const QChar kEllipsis(0x2026);

QList<TextRange> shifted(const QList<TextRange> &ranges, int by, int limit)
{
    QList<TextRange> out;
    for (const TextRange &r : ranges) {
        const int start = r.start + by;
        const int end = qMin(start + r.length, limit);
        if (start >= 0 && end > start)
            out << TextRange{start, end - start};
    }
    return out;
}

QTextOption wrapping()
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // Each paragraph's direction follows its own text (Arabic, Hebrew right to left).
    option.setTextDirection(Qt::LayoutDirectionAuto);
    return option;
}

} // namespace

int WrappedText::layOut(QTextLayout &layout, int width)
{
    layout.setTextOption(wrapping());
    layout.beginLayout();
    qreal y = 0;
    int lines = 0;
    for (;;) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(qMax(1, width));
        line.setPosition(QPointF(0, y));
        y += line.height();
        ++lines;
    }
    layout.endLayout();
    return lines;
}

QList<QTextLayout::FormatRange> WrappedText::formatsFor(const QList<TextRange> &ranges,
                                                        const QColor &highlight,
                                                        const QColor &highlightedText)
{
    QList<QTextLayout::FormatRange> formats;
    for (const TextRange &r : ranges) {
        QTextLayout::FormatRange fr;
        fr.start = r.start;
        fr.length = r.length;
        fr.format.setFontWeight(QFont::Bold); // bold changes the widths: measured with it too
        if (highlight.isValid())
            fr.format.setBackground(highlight);
        if (highlightedText.isValid())
            fr.format.setForeground(highlightedText);
        formats << fr;
    }
    return formats;
}

int WrappedText::heightOf(int lines, const QFont &font)
{
    return int(std::ceil(QFontMetricsF(font).lineSpacing() * lines));
}

int WrappedText::heightFor(const QString &text, const QFont &font, int width)
{
    QString t = text;
    t.replace(QLatin1Char('\n'), QChar::LineSeparator);
    QTextLayout layout(t, font);
    const int lines = layOut(layout, width);
    return qMax(int(std::ceil(layout.boundingRect().height())), heightOf(qMax(1, lines), font));
}

WrappedText::Fitted WrappedText::fit(const QString &text, const QList<TextRange> &ranges, const QFont &font,
                                     int width, int maxLines)
{
    Fitted f;
    f.text = text;
    f.text.replace(QLatin1Char('\n'), QChar::LineSeparator); // one unit for one: the ranges stay
    f.ranges = ranges;
    QTextLayout layout(f.text, font);
    layout.setFormats(formatsFor(f.ranges, QColor(), QColor()));
    f.lines = layOut(layout, width);
    if (maxLines <= 0 || f.lines <= maxLines)
        return f;

    // The text shown from `from` on, after an ellipsis, the ranges following it.
    const auto from = [&](int start) {
        Fitted shown = fit(kEllipsis + f.text.mid(start), shifted(f.ranges, 1 - start, int(f.text.size())),
                           font, width, maxLines);
        shown.clipped = true;
        return shown;
    };
    // The line the shown text starts on when the hit is not in view: one line above the hit's line
    // (the hit's line itself when one line is all there is).
    int hitFrom = 0;
    if (!f.ranges.isEmpty()) {
        const TextRange first = f.ranges.first();
        const QTextLine startLine = layout.lineForTextPosition(first.start);
        if (startLine.isValid() && startLine.lineNumber() > 0) {
            const int above = maxLines > 1 && startLine.lineNumber() > 1 ? 1 : 0;
            hitFrom = layout.lineAt(startLine.lineNumber() - above).textStart();
        }
        // The hit below the last line shown.
        const QTextLine endLine = layout.lineForTextPosition(first.start + first.length - 1);
        if (endLine.isValid() && endLine.lineNumber() >= maxLines && hitFrom > 0)
            return from(hitFrom);
    }

    // Cut after the last line shown, its end elided (a little short: bold hits in it are wider).
    const QTextLine last = layout.lineAt(maxLines - 1);
    const QFontMetrics fm(font);
    const QString head = f.text.left(last.textStart());
    QString tail =
        fm.elidedText(f.text.mid(last.textStart()), Qt::ElideRight, qMax(1, width - fm.averageCharWidth()));
    if (!tail.endsWith(kEllipsis))
        tail += kEllipsis;
    const QString cut = head + tail;
    // The elision reached into the hit on the last line: show the text from the hit's line instead,
    // so that the hit is whole ("Zanzibarit…" was shown for "Zanzibarite").
    if (!f.ranges.isEmpty() && f.ranges.first().start + f.ranges.first().length > cut.size() - 1 &&
        hitFrom > 0)
        return from(hitFrom);
    f.text = cut;
    f.ranges = shifted(f.ranges, 0, int(f.text.size()) - 1);
    f.clipped = true;
    f.lines = maxLines;
    return f;
}

void WrappedText::paint(QPainter *painter, const QRect &rect, const Fitted &fitted, const QFont &font,
                        const QColor &textColor, const QColor &highlight, const QColor &highlightedText)
{
    QTextLayout layout(fitted.text, font);
    layout.setFormats(formatsFor(fitted.ranges, highlight, highlightedText));
    const int lines = layOut(layout, rect.width());
    const int shown = fitted.clipped ? qMin(lines, fitted.lines) : lines;
    painter->save();
    painter->setPen(textColor);
    painter->setClipRect(rect);
    for (int i = 0; i < shown; ++i)
        layout.lineAt(i).draw(painter, rect.topLeft());
    painter->restore();
}

} // namespace kalito::ui
