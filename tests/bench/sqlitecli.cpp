#include "sqlitecli.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

namespace SqliteCli {

Timing run(const QString &path, const QString &sql)
{
    Timing t;
    QProcess p;
    QElapsedTimer wall;
    wall.start();
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-batch"), path});
    if (!p.waitForStarted())
        return t;
    p.write((QStringLiteral(".timer on\n.output /dev/null\n") + sql + QStringLiteral("\n.quit\n")).toUtf8());
    p.closeWriteChannel();
    p.waitForFinished(-1);
    t.wallMs = wall.nsecsElapsed() / 1e6;
    t.output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    // .timer prints to stdout even with .output redirected? No: to the console; take the last one.
    static const QRegularExpression re(QStringLiteral("Run Time: real ([0-9.]+)"));
    auto it = re.globalMatch(t.output);
    while (it.hasNext())
        t.queryMs = it.next().captured(1).toDouble() * 1000.0;
    return t;
}

} // namespace SqliteCli
