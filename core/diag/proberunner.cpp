#include "proberunner.h"

#include "logging.h"

#include <QCoreApplication>
#include <QMutex>
#include <QProcess>

namespace kalito {

namespace {

QMutex s_programMutex;
QString s_program;

} // namespace

void ProbeRunner::setProgram(const QString &program)
{
    QMutexLocker lock(&s_programMutex);
    s_program = program;
}

QString ProbeRunner::program()
{
    QMutexLocker lock(&s_programMutex);
    return s_program.isEmpty() ? QCoreApplication::applicationFilePath() : s_program;
}

QStringList ProbeRunner::arguments(const QString &databasePath)
{
    return {QStringLiteral("probe-files"), databasePath};
}

ProbeResult ProbeRunner::run(const QString &databasePath, int timeoutMs)
{
    QProcess p;
    p.start(program(), arguments(databasePath));
    const bool finished = p.waitForStarted(timeoutMs) && p.waitForFinished(timeoutMs);
    if (!finished) {
        p.kill();
        p.waitForFinished(2000);
    }
    return fromOutput(p.readAllStandardOutput(), p.readAllStandardError(), finished);
}

ProbeResult ProbeRunner::fromOutput(const QByteArray &out, const QByteArray &err, bool finished)
{
    if (!finished) {
        ProbeResult r;
        r.error =
            DbError::make(DbError::Kind::Io, DbError::Reason::ProbeDidNotFinish, QString(), {program()});
        qCWarning(lcDiag).noquote() << r.error.toString();
        return r;
    }
    ProbeResult r = ProbeResult::fromJson(out);
    if (!r.ok() && out.isEmpty() && !err.isEmpty())
        r.error = DbError::make(DbError::Kind::Io, DbError::Reason::ProbeFailed, QString(), {},
                                QString::fromLocal8Bit(err).trimmed());
    return r;
}

} // namespace kalito
