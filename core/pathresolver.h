#pragma once

#include <QString>

namespace kalito {

// Which database to open when the user did not say, in the backend's own terms.
struct ResolvedPath
{
    enum class Source { CommandLine, Environment, Checkout, LastOpened, Demo };
    QString path;
    Source source = Source::Demo;
    bool needsCreation = false; // the demo database does not exist yet
};

QString sourceName(ResolvedPath::Source source);

class PathResolver
{
public:
    void setCommandLinePath(const QString &path) { m_commandLine = path; }
    void setEnvironmentPath(const QString &path) { m_environment = path; } // $KALITO_DB
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }
    void setLastOpened(const QString &path) { m_lastOpened = path; }
    void setDemoPath(const QString &path) { m_demo = path; }

    // In order: command line; $KALITO_DB; a Kalito checkout found upward from the working
    // directory (backend/db/kalito.db, db/kalito.db); the last database opened, if it still
    // exists; else the demo database. An explicit path is returned even if it does not exist:
    // opening it then fails with a clear error instead of silently falling back.
    ResolvedPath resolve() const;

    // The demo database's default home: <XDG data>/kalito-inspector/demo/kalito.db.
    static QString defaultDemoPath();
    // Searches dir and its parents for a Kalito checkout; empty when none.
    static QString findCheckoutDatabase(const QString &dir);

private:
    QString m_commandLine;
    QString m_environment;
    QString m_workingDirectory;
    QString m_lastOpened;
    QString m_demo;
};

} // namespace kalito
