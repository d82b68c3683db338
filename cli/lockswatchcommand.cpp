#include "lockswatchcommand.h"

#include "clioptions.h"
#include "errortext.h"
#include "lockholdsummary.h"
#include "locksampler.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <csignal>
#include <sys/stat.h>

namespace kalito::cli {

namespace {

const QString kCommand = QStringLiteral("kalito-inspector locks --watch");

bool sameFile(const QString &a, const QString &b)
{
    struct stat sa, sb;
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 &&
           ::stat(QFile::encodeName(b).constData(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

// Where the JSON lines go: a file, stdout ("-"), or nowhere.
class JsonOut
{
public:
    bool open(const QString &target, const QString &dbPath, QString *why)
    {
        if (target.isEmpty())
            return true;
        if (target == QLatin1String("-")) {
            m_stdout = true;
            return true;
        }
        // Truncating the database (or its -wal/-shm) by a slip of the keyboard must not happen.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (sameFile(target, dbPath + suffix)) {
                *why = QStringLiteral("%1: is the database's own file; give another FILE for the recording")
                           .arg(QFileInfo(target).absoluteFilePath());
                return false;
            }
        }
        m_file.setFileName(target);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            *why = QStringLiteral("%1: cannot write the recording: %2")
                       .arg(QFileInfo(target).absoluteFilePath(), m_file.errorString());
            return false;
        }
        return true;
    }
    bool isStdout() const { return m_stdout; }
    void write(const QJsonObject &o)
    {
        const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        if (m_stdout)
            printOut(QString::fromUtf8(line));
        else if (m_file.isOpen()) {
            m_file.write(line);
            m_file.flush(); // a watch ended by SIGKILL still leaves every line seen so far
        }
    }

private:
    QFile m_file;
    bool m_stdout = false;
};

bool parsePositive(const QString &text, double max, double *value)
{
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && *value > 0 && *value <= max;
}

} // namespace

int runLocksWatch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("watch"), QStringLiteral("Watch lock changes over time.")});
    parser.addOption({QStringLiteral("interval"),
                      QStringLiteral("Milliseconds between samples (default %1; 1 to 60000).")
                          .arg(kDefaultWatchIntervalMs),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("duration"),
                      QStringLiteral("Stop after S seconds (default: until SIGINT/SIGTERM)."),
                      QStringLiteral("S")});
    parser.addOption(
        {QStringLiteral("jsonl"),
         QStringLiteral("Write each change as a JSON line to FILE ('-' for stdout instead of text)."),
         QStringLiteral("FILE")});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("The database."));
    const ParseResult parsed = parseOrComplain(parser, arguments, QStringLiteral("locks"));
    if (!parsed.run)
        return parsed.exitCode;

    int intervalMs = kDefaultWatchIntervalMs;
    if (parser.isSet(QStringLiteral("interval"))) {
        double v = 0;
        const QString text = parser.value(QStringLiteral("interval"));
        if (!parsePositive(text, 60000, &v) || v != double(int(v))) {
            printErr(
                QStringLiteral("%1: --interval '%2' is not a whole number of milliseconds from 1 to 60000\n")
                    .arg(kCommand, text));
            return UsageOrOpenError;
        }
        intervalMs = int(v);
    }
    double durationS = 0;
    if (parser.isSet(QStringLiteral("duration"))) {
        const QString text = parser.value(QStringLiteral("duration"));
        if (!parsePositive(text, 7 * 24 * 3600, &durationS)) {
            printErr(QStringLiteral("%1: --duration '%2' is not a number of seconds above 0\n")
                         .arg(kCommand, text));
            return UsageOrOpenError;
        }
    }
    const QString path = databasePath(parser);
    if (path.isEmpty() || parser.positionalArguments().size() > 1) {
        printErr(QStringLiteral("%1: give one database PATH (none was found)\n").arg(kCommand));
        return UsageOrOpenError;
    }
    const DbError problem = LockSampler::problemWith(path);
    if (problem.isError()) {
        printErr(QStringLiteral("%1: %2\n").arg(kCommand, ErrorText::describe(problem)));
        return UsageOrOpenError;
    }
    LockSampler sampler(path);
    JsonOut json;
    QString why;
    if (!json.open(parser.value(QStringLiteral("jsonl")), sampler.path(), &why)) {
        printErr(QStringLiteral("%1: %2\n").arg(kCommand, why));
        return UsageOrOpenError;
    }
    const bool text = !json.isStdout();

    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    json.write(QJsonObject{{QStringLiteral("event"), QStringLiteral("watch")},
                           {QStringLiteral("format"), 1},
                           {QStringLiteral("path"), sampler.path()},
                           {QStringLiteral("interval_ms"), intervalMs},
                           {QStringLiteral("source"), sampler.usesProcLocks() ? QStringLiteral("/proc/locks")
                                                                              : QStringLiteral("F_GETLK")},
                           {QStringLiteral("time"), LockTransition::isoTime(startMs)},
                           {QStringLiteral("ms"), startMs}});
    if (text)
        printOut(
            QStringLiteral("watching %1 every %2 ms (%3); Ctrl+C ends with a summary\n")
                .arg(sampler.path())
                .arg(intervalMs)
                .arg(sampler.usesProcLocks() ? QStringLiteral("/proc/locks") : QStringLiteral("F_GETLK")));

    LockHoldSummary summary;
    auto sampleOnce = [&] {
        const QList<LockTransition> changes = sampler.sample();
        for (const LockTransition &t : changes) {
            if (t.kind == LockTransition::Released)
                summary.add(t);
            json.write(t.toJson());
            if (text)
                printOut(t.toText() + QLatin1Char('\n'));
        }
    };

    QEventLoop loop;
    QString reason;
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::received, &loop, [&](int sig) {
        reason = sig == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM");
        loop.quit();
    });
    QTimer timer;
    // PreciseTimer: the next sample is due one interval after the previous one was due, so a
    // late sample does not push every later one back.
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(intervalMs);
    QObject::connect(&timer, &QTimer::timeout, &loop, sampleOnce);
    QTimer stopper;
    stopper.setSingleShot(true);
    stopper.setTimerType(Qt::PreciseTimer); // a coarse timer may end a 1 s watch 50 ms early
    QObject::connect(&stopper, &QTimer::timeout, &loop, [&] {
        reason = QStringLiteral("duration");
        loop.quit();
    });
    sampleOnce();
    timer.start();
    if (durationS > 0)
        stopper.start(int(durationS * 1000));
    loop.exec();
    timer.stop();

    const qint64 endMs = QDateTime::currentMSecsSinceEpoch();
    for (const LockTransition &open : sampler.held())
        summary.addOpen(open, endMs);
    json.write(QJsonObject{{QStringLiteral("event"), QStringLiteral("stop")},
                           {QStringLiteral("reason"), reason},
                           {QStringLiteral("time"), LockTransition::isoTime(endMs)},
                           {QStringLiteral("ms"), endMs},
                           {QStringLiteral("samples"), sampler.samples()},
                           {QStringLiteral("longest_gap_ms"), sampler.longestGapMs()},
                           {QStringLiteral("longest"), summary.toJson()}});
    if (text)
        printOut(QStringLiteral("stopped (%1)").arg(reason) +
                 summary.toText(sampler.samples(), endMs - startMs));
    return Success;
}

} // namespace kalito::cli
