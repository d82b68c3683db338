#pragma once

#include <QString>

namespace kalito {

// Sends every log message to stderr and to a size-rotated file (kalito-inspector.log, .1, .2, ...).
class LogFile
{
public:
    // Default folder: $XDG_STATE_HOME/kalito-inspector, else ~/.local/state/kalito-inspector.
    static QString defaultDirectory();
    // Installs the message handler. Returns the log file's path, or an empty string when the file
    // cannot be written (logging then goes to stderr only).
    enum class Stderr { Everything, WarningsAndUp, Nothing };
    static QString install(const QString &directory = defaultDirectory(), qint64 maxBytes = 1024 * 1024,
                           int keep = 3, Stderr toStderr = Stderr::Everything);
    static void uninstall();
    static QString path();
};

} // namespace kalito
