#include "programpaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <climits>
#include <unistd.h>

// Set by cli/CMakeLists.txt from GNUInstallDirs; these defaults are the Debian layout.
#ifndef KALITO_WINDOW_DIR_FROM_BIN
#define KALITO_WINDOW_DIR_FROM_BIN "../libexec/kalito-inspector"
#endif
#ifndef KALITO_BIN_DIR_FROM_WINDOW
#define KALITO_BIN_DIR_FROM_WINDOW "../../bin"
#endif

namespace kalito::cli {

namespace {

const char *const kWindowName = "kalito-inspector-gui";
const char *const kHeadlessName = "kalito-inspector";

// The first of `relativeDirs` (relative to the folder of `from`) that holds an executable `name`.
QString findBeside(const QString &from, const char *name, const QStringList &relativeDirs)
{
    if (from.isEmpty())
        return {};
    const QDir dir = QFileInfo(from).absoluteDir();
    for (const QString &relative : relativeDirs) {
        const QFileInfo candidate(
            QDir::cleanPath(dir.absoluteFilePath(relative) + QLatin1Char('/') + QLatin1String(name)));
        if (candidate.isFile() && candidate.isExecutable())
            return candidate.absoluteFilePath();
    }
    return {};
}

} // namespace

QString ProgramPaths::self()
{
    char buffer[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    return n > 0 ? QFile::decodeName(QByteArray(buffer, int(n))) : QString();
}

QString ProgramPaths::window(const QString &headless)
{
    return findBeside(headless, kWindowName,
                      {QStringLiteral("."), QStringLiteral(KALITO_WINDOW_DIR_FROM_BIN)});
}

QString ProgramPaths::headless(const QString &window)
{
    return findBeside(window, kHeadlessName,
                      {QStringLiteral("."), QStringLiteral(KALITO_BIN_DIR_FROM_WINDOW)});
}

} // namespace kalito::cli
