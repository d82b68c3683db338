#include "probecommand.h"

#include "childprobe.h"
#include "clioptions.h"

#include <QJsonDocument>

#include <cstdio>

namespace kalito::cli {

int runProbeFiles(const QStringList &arguments)
{
    // Internal and machine-facing: the one path, after --after-input when the parent starts this
    // process early (its start-up overlapping the parent's work) and says when to look.
    const bool afterInput = arguments.size() == 3 && arguments.at(1) == QLatin1String("--after-input");
    if (arguments.size() != 2 && !afterInput) {
        printErr(QStringLiteral("kalito-inspector probe-files: give exactly one database PATH\n"));
        return UsageOrOpenError;
    }
    if (afterInput) {
        char line[16];
        if (!std::fgets(line, sizeof line, stdin)) {
            // End of input without a newline: the parent is gone or done waiting; look anyway.
        }
    }
    const ProbeResult r = ChildProbe::probeHere(arguments.constLast());
    printOut(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    return r.ok() ? Success : UsageOrOpenError;
}

} // namespace kalito::cli
