#pragma once

namespace kalito::cli {

// Starts the window: replaces this (headless) process with the window executable
// (ProgramPaths::window()), same arguments, same argv[0] (X11's WM_CLASS instance comes from it,
// which the desktop entry's StartupWMClass names), same pid, so signals and exit codes reach the
// window directly. Before that, refuses what the window would not understand (a usage error, exit
// 2, naming the subcommands) and says so when there is no display, instead of Qt's abort.
class WindowLauncher
{
public:
    // Returns only when the window could not be started: the exit code to return.
    static int exec(int argc, char **argv);
};

} // namespace kalito::cli
