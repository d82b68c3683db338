#include "benchdatabase.h"

#include "demodatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>

namespace BenchDatabase {

QString ensure(const Spec &spec, const QString &program)
{
    if (QFileInfo::exists(spec.path))
        return QString();
    QDir().mkpath(QFileInfo(spec.path).absolutePath());
    QTextStream(stderr) << "generating " << spec.path << " (" << spec.sessions
                        << " sessions) - cached for next runs\n";
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program,
                {QStringLiteral("--generate"), spec.path, QString::number(spec.sessions),
                 QString::number(spec.messagesPerSession), QString::number(spec.largeSessionMessages)});
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        return QStringLiteral("generating %1 failed").arg(spec.path);
    return QString();
}

int generate(const Spec &spec)
{
    // Written under a temporary name and renamed: an interrupted run never leaves a partial cache.
    const QString partial = spec.path + QStringLiteral(".partial");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(partial + QLatin1String(suffix));
    kalito::DemoOptions o;
    o.path = partial;
    o.sessions = spec.sessions;
    o.messagesPerSession = spec.messagesPerSession;
    o.largeSessionMessages = spec.largeSessionMessages;
    QElapsedTimer t;
    t.start();
    const kalito::DemoResult r = kalito::DemoDatabase::create(o, [](qint64 done, qint64 total) {
        if (done % 100000 == 0 || done == total)
            QTextStream(stderr) << "  " << done << " / " << total << " messages\n";
    });
    if (r.error.isError()) {
        QTextStream(stderr) << r.error.toString() << "\n";
        return 1;
    }
    QTextStream(stderr) << "  done in " << t.elapsed() / 1000.0 << " s\n";
    return QFile::rename(partial, spec.path) ? 0 : 1;
}

} // namespace BenchDatabase
