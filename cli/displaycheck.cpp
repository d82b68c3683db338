#include "displaycheck.h"

namespace kalito::cli {

namespace {

QString optionValue(const QStringList &arguments, const QString &name)
{
    const int i = int(arguments.indexOf(name));
    return i > 0 ? arguments.value(i + 1) : QString();
}

} // namespace

QString DisplayCheck::problem(const QStringList &arguments, const QProcessEnvironment &environment)
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const bool x11 = !environment.value(QStringLiteral("DISPLAY")).isEmpty() ||
                     !optionValue(arguments, QStringLiteral("-display")).isEmpty();
    const bool wayland = !environment.value(QStringLiteral("WAYLAND_DISPLAY")).isEmpty();
    QString platforms = optionValue(arguments, QStringLiteral("-platform"));
    if (platforms.isEmpty())
        platforms = environment.value(QStringLiteral("QT_QPA_PLATFORM"));
    if (platforms.isEmpty()) {
        if (x11 || wayland)
            return {};
    } else {
        for (const QString &entry : platforms.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString name = entry.section(QLatin1Char(':'), 0, 0).trimmed(); // "vnc:size=..."
            if (name.startsWith(QLatin1String("xcb"))) {
                if (x11)
                    return {};
            } else if (name.startsWith(QLatin1String("wayland"))) {
                if (wayland)
                    return {};
            } else {
                return {}; // offscreen, minimal, vnc, eglfs, linuxfb...: no display server needed
            }
        }
    }
    return QStringLiteral(
        "kalito-inspector: no display for the window (DISPLAY and WAYLAND_DISPLAY are not set); use the "
        "headless subcommands status, check, checkpoint and locks (kalito-inspector --help), or connect "
        "with ssh -X to forward the window.");
#else
    Q_UNUSED(arguments)
    Q_UNUSED(environment)
    return {};
#endif
}

} // namespace kalito::cli
