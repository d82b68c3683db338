#include "logfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <cstdio>
#include <mutex>

namespace kalito {

namespace {

struct State
{
    std::mutex mutex;
    QFile file;
    QString path;
    qint64 maxBytes = 0;
    int keep = 0;
    LogFile::Stderr toStderr = LogFile::Stderr::Everything;
    QtMessageHandler previous = nullptr;
};

State &state()
{
    static State s;
    return s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "";
}

void rotate(State &s)
{
    s.file.close();
    for (int i = s.keep - 1; i >= 1; --i) {
        const QString from = s.path + QLatin1Char('.') + QString::number(i);
        const QString to = s.path + QLatin1Char('.') + QString::number(i + 1);
        QFile::remove(to);
        QFile::rename(from, to);
    }
    const QString first = s.path + QStringLiteral(".1");
    QFile::remove(first);
    QFile::rename(s.path, first);
    s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray body = QByteArray(levelName(type)) + ' ' +
                            QByteArray(context.category ? context.category : "default") + ": " +
                            message.toUtf8() + '\n';
    State &s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    const bool serious = type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg;
    if (s.toStderr == LogFile::Stderr::Everything ||
        (serious && s.toStderr == LogFile::Stderr::WarningsAndUp)) {
        std::fwrite(body.constData(), 1, size_t(body.size()), stderr);
        std::fflush(stderr);
    }
    if (s.file.isOpen()) {
        const QByteArray line =
            QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8() + ' ' + body;
        if (s.file.size() + line.size() > s.maxBytes)
            rotate(s);
        s.file.write(line);
        s.file.flush();
    }
}

} // namespace

QString LogFile::defaultDirectory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/kalito-inspector");
}

QString LogFile::install(const QString &directory, qint64 maxBytes, int keep, Stderr toStderr)
{
    State &s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    s.maxBytes = maxBytes;
    s.keep = qMax(1, keep);
    s.toStderr = toStderr;
    s.path.clear();
    if (QDir().mkpath(directory)) {
        s.file.setFileName(directory + QStringLiteral("/kalito-inspector.log"));
        if (s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
            s.path = s.file.fileName();
    }
    s.previous = qInstallMessageHandler(handler);
    return s.path;
}

void LogFile::uninstall()
{
    State &s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    qInstallMessageHandler(s.previous);
    s.file.close();
}

QString LogFile::path()
{
    return state().path;
}

} // namespace kalito
