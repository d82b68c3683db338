#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

namespace kalito::ui {

// Fonts and colours of a message in the conversation view, made once from the widget's font and
// palette (and copyable to a worker thread that measures a long message).
struct MessageStyle
{
    QFont body;
    QFont mono;
    QFont meta;
    QColor text;
    QColor dim;
    QColor codeBackground;
    QColor quoteBar;
    QColor link;
    QColor selection;
    QColor selectionText;
    QColor highlight; // a search hit (see ConversationView::setHighlight)

    static MessageStyle from(const QFont &font, const QPalette &palette);
};

} // namespace kalito::ui
