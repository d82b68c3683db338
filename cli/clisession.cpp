#include "clisession.h"

#include "clioptions.h"
#include "openadvice.h"
#include "opentext.h"

namespace kalito::cli {

CliSession::CliSession()
{
    QObject::connect(&m_signals, &SignalWatcher::received, &m_connection, [this](int) {
        m_interrupted = true;
        m_cancel.cancel();
        m_connection.interrupt();
    });
}

bool CliSession::open(const OpenOptions &options)
{
    // Said before opening, since opening is what creates the files.
    const OpenAdvice advice = OpenAdvice::before(options.path, options.readOnly);
    if (advice.hasWarning())
        printErr(QStringLiteral("kalito-inspector: warning: %1\n").arg(OpenText::advice(advice)));
    const OpenResult r = await(m_connection.open(options));
    if (!r.ok()) {
        printErr(QStringLiteral("kalito-inspector: %1\n").arg(r.error.toString()));
        return false;
    }
    for (const QString &w : OpenText::warnings(r))
        printErr(QStringLiteral("kalito-inspector: warning: %1\n").arg(w));
    if (!r.nativeAvailable)
        printErr(QStringLiteral("kalito-inspector: warning: %1\n").arg(r.nativeProblem.reasonText()));
    return true;
}

} // namespace kalito::cli
