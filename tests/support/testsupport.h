#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kalito::test {

// A small Kalito database made by the demo generator (sessions x messages).
QString makeKalitoDb(const QString &dir, const QString &name = QStringLiteral("kalito.db"), int sessions = 5,
                     int messagesPerSession = 12);

// SHA-256 of a file, computed by a child process so that the test process never opens (and
// closes) a descriptor on a database it might hold a connection to. Empty when absent.
QByteArray sha256(const QString &path);

// Runs sqlite3 PATH with the given SQL on stdin and waits; returns stdout (trimmed).
QString sqlite3(const QString &path, const QString &sql, int *exitCode = nullptr);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the built kalito-inspector ($KALITO_INSPECTOR) with the arguments.
Run inspector(const QStringList &arguments, int timeoutMs = 60000, const QStringList &extraEnv = {});
QString inspectorPath();

} // namespace kalito::test

// A test that needs something the machine may lack (/proc/locks, setpriv, a Qt catalogue, the
// backend's driver): skipped with the reason on a developer's machine, but a failure in CI
// (CI set, as .ci/run is run), where ./dev installs every dependency, so that a broken install
// fails instead of passing as a skip. Not for skips by design (a sanitizer build).
#define KALITO_REQUIRE(condition, why)                                                                       \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            if (qEnvironmentVariableIsSet("CI"))                                                             \
                QFAIL(qPrintable(QStringLiteral("missing in CI: ") + QString(why)));                         \
            QSKIP(qPrintable(QString(why)));                                                                 \
        }                                                                                                    \
    } while (false)
