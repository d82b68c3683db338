#include "probecommand.h"

#include "childprobe.h"
#include "clioptions.h"

#include <QJsonDocument>

namespace kalito::cli {

int runProbeFiles(const QStringList &arguments)
{
    // Internal and machine-facing: no option parsing beyond the one path.
    if (arguments.size() != 2) {
        printErr(QStringLiteral("kalito-inspector probe-files: give exactly one database PATH\n"));
        return UsageOrOpenError;
    }
    const ProbeResult r = ChildProbe::probeHere(arguments.at(1));
    printOut(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    return r.ok() ? Success : UsageOrOpenError;
}

} // namespace kalito::cli
