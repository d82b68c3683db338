#include "sidebyside.h"

#include "benchfigure.h"
#include "sqlitecli.h"

#include "connection.h"
#include "messagesearch.h"
#include "searchrunner.h"
#include "sqlfragment.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

#include <algorithm>

using namespace kalito;

namespace SideBySide {

namespace {

QString quoted(const QString &identifier)
{
    QString q = identifier;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace

double Pair::oursMedian() const
{
    return medianOf(ours);
}

double Pair::cliMedian() const
{
    return medianOf(cli);
}

double Pair::ratio() const
{
    const double c = cliMedian();
    return c > 0 ? oursMedian() / c : -1;
}

double processMs(const QString &program, const QStringList &arguments, QByteArray *output)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(program, arguments);
    if (!p.waitForStarted(10000) || !p.waitForFinished(600000))
        return -1;
    const double ms = t.nsecsElapsed() / 1e6;
    if (output)
        *output = p.readAllStandardOutput();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0 ? ms : -1;
}

Pair version(const QString &inspector, int rounds)
{
    Pair pair;
    const QStringList args{QStringLiteral("--version")};
    processMs(inspector, args); // both warm
    processMs(QStringLiteral("sqlite3"), args);
    for (int i = 0; i < rounds; ++i) {
        pair.ours << processMs(inspector, args);
        pair.cli << processMs(QStringLiteral("sqlite3"), args);
    }
    if (pair.ours.contains(-1) || pair.cli.contains(-1))
        pair.error = QStringLiteral("--version failed");
    return pair;
}

Pair status(const QString &inspector, const QString &path, int rounds)
{
    Pair pair;
    const QStringList args{QStringLiteral("status"), QStringLiteral("--json"), path};
    QByteArray out;
    if (processMs(inspector, args, &out) < 0) { // also warms both sides' files and libraries
        pair.error = QStringLiteral("kalito-inspector status failed on ") + path;
        return pair;
    }
    const QJsonObject tables =
        QJsonDocument::fromJson(out).object().value(QStringLiteral("tables")).toObject();
    QString counts;
    for (auto it = tables.begin(); it != tables.end(); ++it)
        counts += QStringLiteral("SELECT count(*) FROM %1;\n").arg(quoted(it.key()));
    SqliteCli::run(path, counts);
    for (int i = 0; i < rounds; ++i) {
        pair.ours << processMs(inspector, args);
        pair.cli << SqliteCli::run(path, counts).wallMs;
    }
    if (pair.ours.contains(-1))
        pair.error = QStringLiteral("kalito-inspector status failed on ") + path;
    pair.detail =
        QStringLiteral("%1 tables counted (%2)").arg(tables.size()).arg(tables.keys().join(QLatin1Char(' ')));
    return pair;
}

Pair quickCheck(const QString &inspector, const QString &path, int rounds)
{
    Pair pair;
    const QStringList args{QStringLiteral("check"), QStringLiteral("--quick"), QStringLiteral("--json"),
                           path};
    const QString pragma = QStringLiteral("PRAGMA quick_check;");
    processMs(inspector, args);
    SqliteCli::run(path, pragma);
    for (int i = 0; i < rounds; ++i) {
        pair.ours << processMs(inspector, args);
        pair.cli << SqliteCli::run(path, pragma).wallMs;
    }
    if (pair.ours.contains(-1))
        pair.error = QStringLiteral("kalito-inspector check --quick failed on ") + path;
    return pair;
}

Pair search(const QString &path, const QString &word, int rounds)
{
    Pair pair;
    Connection c;
    if (!c.open({path}).result().ok()) {
        pair.error = QStringLiteral("cannot open ") + path;
        return pair;
    }
    SearchRunner runner(&c);
    // For comparisons: KALITO_BENCH_SEARCH_CHUNK_ROWS=N searches in fixed chunks of N rowids.
    if (const qint64 rows = qEnvironmentVariableIntValue("KALITO_BENCH_SEARCH_CHUNK_ROWS"); rows > 0) {
        runner.setInitialChunkRows(rows);
        runner.setFixedChunkRows(true);
    }
    int hits = 0;
    QObject::connect(&runner, &SearchRunner::resultsFound,
                     [&hits](const QList<SearchHit> &h) { hits += int(h.size()); });
    auto timeRunner = [&] {
        QEventLoop loop;
        bool failed = false;
        QObject::connect(&runner, &SearchRunner::finished, &loop, [&](bool cancelled, const DbError &error) {
            failed = cancelled || error.isError();
            loop.quit();
        });
        hits = 0;
        QElapsedTimer t;
        t.start();
        runner.start(word);
        loop.exec();
        return failed ? -1.0 : t.nsecsElapsed() / 1e6;
    };
    // What a person would type into the CLI for the same search: a LIKE over every message.
    const QString cliSql =
        QStringLiteral("SELECT m.id, m.session_id FROM messages m WHERE m.text LIKE '%1' "
                       "ESCAPE '\\';")
            .arg(SqlFragment::likeContains(word).replace(QLatin1Char('\''), QStringLiteral("''")));
    timeRunner(); // both warm
    SqliteCli::run(path, cliSql);
    QList<double> statementOnly;
    for (int i = 0; i < rounds; ++i) {
        pair.ours << timeRunner();
        const SqliteCli::Timing t = SqliteCli::run(path, cliSql);
        pair.cli << t.wallMs;
        statementOnly << t.queryMs;
    }
    if (pair.ours.contains(-1))
        pair.error = QStringLiteral("the search failed");
    pair.detail = QStringLiteral("'%1': %2 hits in %3 chunks; the CLI's statement alone (.timer) %4 ms")
                      .arg(word)
                      .arg(hits)
                      .arg(runner.chunksRun())
                      .arg(medianOf(statementOnly), 0, 'f', 1);
    return pair;
}

} // namespace SideBySide
