#include "testsupport.h"

#include "demodatabase.h"
#include "stallwatch.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QtTest>

namespace kalito::test {

QString makeKalitoDb(const QString &dir, const QString &name, int sessions, int messagesPerSession)
{
    const StallWatch::Pause testsOwnWork;
    DemoOptions o;
    o.path = QDir(dir).filePath(name);
    o.sessions = sessions;
    o.messagesPerSession = messagesPerSession;
    const DemoResult r = DemoDatabase::create(o);
    if (r.error.isError())
        qWarning().noquote() << "makeKalitoDb failed:" << r.error.toString();
    return o.path;
}

QByteArray sha256(const QString &path)
{
    const StallWatch::Pause testsOwnWork;
    if (!QFileInfo::exists(path))
        return QByteArray();
    QProcess p;
    p.start(QStringLiteral("sha256sum"), {QStringLiteral("--"), path});
    p.waitForFinished(60000);
    return p.readAllStandardOutput().split(' ').value(0);
}

QString sqlite3(const QString &path, const QString &sql, int *exitCode)
{
    const StallWatch::Pause testsOwnWork;
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {path});
    p.write(sql.toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString inspectorPath()
{
    return qEnvironmentVariable("KALITO_INSPECTOR");
}

Run inspector(const QStringList &arguments, int timeoutMs, const QStringList &extraEnv)
{
    const StallWatch::Pause testsOwnWork;
    Run r;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(env);
    p.start(inspectorPath(), arguments);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace kalito::test
