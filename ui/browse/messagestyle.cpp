#include "messagestyle.h"

#include <QFontDatabase>

namespace kalito::ui {

MessageStyle MessageStyle::from(const QFont &font, const QPalette &palette)
{
    MessageStyle s;
    s.body = font;
    s.mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    s.mono.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.95 : s.mono.pointSizeF());
    s.meta = font;
    if (font.pointSizeF() > 0)
        s.meta.setPointSizeF(font.pointSizeF() * 0.85);
    s.text = palette.color(QPalette::Text);
    s.dim = palette.color(QPalette::PlaceholderText);
    // Tints over the base colour: readable in light and dark palettes alike.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    s.codeBackground = dark ? QColor(255, 255, 255, 22) : QColor(0, 0, 0, 14);
    s.quoteBar = dark ? QColor(255, 255, 255, 70) : QColor(0, 0, 0, 60);
    s.link = palette.color(QPalette::Link);
    s.selection = palette.color(QPalette::Highlight);
    s.selectionText = palette.color(QPalette::HighlightedText);
    s.highlight = QColor(255, 200, 0, 150);
    return s;
}

} // namespace kalito::ui
