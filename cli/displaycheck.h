#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace kalito::cli {

// Whether the window will find a display, decided before QApplication exists: without one Qt
// aborts with its raw "could not connect to display ... Available platform plugins" text, which
// says nothing about the headless subcommands. Decides the way Qt picks its platform plugin on
// Linux: -platform or QT_QPA_PLATFORM when given (a list separated by ';'; offscreen, minimal,
// vnc, eglfs, linuxfb need no display server), else xcb with $DISPLAY or wayland with
// $WAYLAND_DISPLAY.
class DisplayCheck
{
public:
    // Empty when a display (or a platform that needs none) is there; else the one line to print.
    static QString problem(const QStringList &arguments, const QProcessEnvironment &environment);
};

} // namespace kalito::cli
