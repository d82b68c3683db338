#include "pathresolver.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace kalito {

QString sourceName(ResolvedPath::Source source)
{
    switch (source) {
    case ResolvedPath::Source::CommandLine:
        return QStringLiteral("command line");
    case ResolvedPath::Source::Environment:
        return QStringLiteral("$KALITO_DB");
    case ResolvedPath::Source::Checkout:
        return QStringLiteral("Kalito checkout");
    case ResolvedPath::Source::LastOpened:
        return QStringLiteral("last opened");
    case ResolvedPath::Source::Demo:
        return QStringLiteral("demo database");
    }
    return QString();
}

QString PathResolver::findCheckoutDatabase(const QString &start)
{
    if (start.isEmpty())
        return QString();
    QDir dir(QFileInfo(start).absoluteFilePath());
    const QStringList candidates = {QStringLiteral("backend/db/kalito.db"), QStringLiteral("db/kalito.db")};
    while (true) {
        for (const QString &c : candidates) {
            const QFileInfo f(dir.filePath(c));
            if (f.isFile())
                return f.absoluteFilePath();
        }
        if (!dir.cdUp())
            return QString();
    }
}

ResolvedPath PathResolver::resolve() const
{
    ResolvedPath r;
    auto absolute = [](const QString &p) { return QFileInfo(p).absoluteFilePath(); };
    if (!m_commandLine.isEmpty()) {
        r.path = absolute(m_commandLine);
        r.source = ResolvedPath::Source::CommandLine;
        return r;
    }
    if (!m_environment.isEmpty()) {
        r.path = absolute(m_environment);
        r.source = ResolvedPath::Source::Environment;
        return r;
    }
    const QString checkout = findCheckoutDatabase(m_workingDirectory);
    if (!checkout.isEmpty()) {
        r.path = checkout;
        r.source = ResolvedPath::Source::Checkout;
        return r;
    }
    if (!m_lastOpened.isEmpty() && QFileInfo(m_lastOpened).isFile()) {
        r.path = absolute(m_lastOpened);
        r.source = ResolvedPath::Source::LastOpened;
        return r;
    }
    r.path = m_demo.isEmpty() ? defaultDemoPath() : absolute(m_demo);
    r.source = ResolvedPath::Source::Demo;
    r.needsCreation = !QFileInfo::exists(r.path);
    return r;
}

QString PathResolver::defaultDemoPath()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/kalito-inspector/demo/kalito.db");
}

} // namespace kalito
