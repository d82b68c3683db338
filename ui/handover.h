#pragma once

#include <QList>
#include <QWidget>

namespace kalito::ui {

// Turns a Run/Cancel pair (or a row of run buttons and a Cancel): `to` is enabled first and takes
// the focus if one of `from` had it, then `from` is disabled. Disabling the focused button would
// otherwise hand the focus to whatever widget comes next, and a scrolled page (the Diagnostics
// dock) scrolls to show that widget, away from the buttons the person just pressed.
inline void handOver(const QList<QWidget *> &from, QWidget *to)
{
    to->setEnabled(true);
    for (QWidget *w : from) {
        if (w->hasFocus()) {
            to->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    for (QWidget *w : from)
        w->setEnabled(false);
}

} // namespace kalito::ui
