#include "windowfit.h"

namespace kalito::ui {

WindowFit WindowFit::forScreen(const QRect &available)
{
    WindowFit fit;
    const QSize room = available.size() - kFrame;
    if (available.isEmpty() || (kPreferred.width() <= room.width() && kPreferred.height() <= room.height())) {
        fit.size = kPreferred;
        return fit;
    }
    fit.size = kPreferred.boundedTo(room.expandedTo(QSize(1, 1)));
    fit.maximized = true;
    return fit;
}

} // namespace kalito::ui
