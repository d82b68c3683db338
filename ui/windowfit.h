#pragma once

#include <QRect>
#include <QSize>

namespace kalito::ui {

// The size the window opens at when no saved geometry says otherwise: 1280x800 where that fits
// the screen with its frame, else maximized on the screen (and, when un-maximized, a size that fits
// it), so that no control starts off a 1024x768 screen.
struct WindowFit
{
    static constexpr QSize kPreferred{1280, 800};
    // What the window manager's frame takes: title bar and borders.
    static constexpr QSize kFrame{16, 48};

    QSize size;
    bool maximized = false;

    static WindowFit forScreen(const QRect &available);
};

} // namespace kalito::ui
