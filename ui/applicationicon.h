#pragma once

#include <QIcon>

namespace kalito::ui {

// The application icon: the icon theme's org.kalito.Inspector when installed (so a theme may
// restyle it), else the SVG embedded in the binary. Drawing SVG needs Qt's svg icon engine
// plugin (Debian: libqt6svg6, a dependency of the package); without it the icon is null and the
// window manager shows its generic one.
class ApplicationIcon
{
public:
    static QIcon icon();
};

} // namespace kalito::ui
