// Search figures (not a test): kalito_bench_search [PATH] generates, if PATH does not exist, a
// database of 1,000,000 messages (1 in 1,000 holding "zanzibar") with the sqlite3 tool, then
// times the chunked SearchRunner, one single LIKE statement through Database, and the sqlite3
// CLI running the equivalent LIKE query. Prints one line per figure.
#include "connection.h"
#include "database.h"
#include "messagesearch.h"
#include "searchrunner.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>

using namespace kalito;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : QDir::temp().filePath(QStringLiteral("kalito-bench-search.db"));
    if (!QFileInfo::exists(path)) {
        test::makeKalitoDb(QFileInfo(path).absolutePath(), QFileInfo(path).fileName(), 1000, 1);
        test::sqlite3(
            path,
            QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000), "
                "s(id, k) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM sessions) "
                "INSERT INTO messages (session_id, role, text, created_at) "
                "SELECT s.id, CASE i % 2 WHEN 0 THEN 'user' "
                "ELSE 'assistant' END, "
                "printf('Message %d: thanks for the details about the medication schedule and the "
                "appointment, "
                "I will remind you about %s tomorrow morning after breakfast, take care and sleep well.', i, "
                "CASE WHEN i % 1000 = 7 THEN 'Zanzibar' ELSE 'the walk' END), "
                "strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || i || ' seconds') FROM n JOIN s ON s.k = "
                "n.i % 1000;"));
    }
    const QString word = QStringLiteral("zanzibar");

    Connection c;
    if (!c.open({path}).result().ok())
        return 2;
    SearchRunner runner(&c);
    int hits = 0;
    int batches = 0;
    QObject::connect(&runner, &SearchRunner::resultsFound, [&](const QList<SearchHit> &h) {
        hits += int(h.size());
        ++batches;
    });
    QEventLoop loop;
    QObject::connect(&runner, &SearchRunner::finished, &loop, &QEventLoop::quit);
    auto timeRunner = [&] {
        hits = batches = 0;
        QElapsedTimer t;
        t.start();
        runner.start(word);
        loop.exec();
        return t.elapsed();
    };
    auto timeStatement = [&] {
        QElapsedTimer t;
        t.start();
        c.run([&](Database &db) {
             return db
                 .scalar(QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE ? ESCAPE '\\'"),
                         {QStringLiteral("%zanzibar%")})
                 .toLongLong();
         }).waitForFinished();
        return t.elapsed();
    };
    // The runner's chunk statement, once over every message, on the connection thread directly.
    auto timeChunkStatement = [&] {
        QElapsedTimer t;
        t.start();
        c.run([&](Database &db) {
             const MessageSearch::Plan plan = MessageSearch::plan(db, word);
             return MessageSearch::chunk(db, plan, plan.firstRowid, plan.lastRowid, 1000000).hits.size();
         }).waitForFinished();
        return t.elapsed();
    };
    auto timeCli = [&] {
        QElapsedTimer t;
        t.start();
        test::sqlite3(path, QStringLiteral("SELECT count(*) FROM messages WHERE text LIKE '%zanzibar%';"));
        return t.elapsed();
    };
    timeRunner(); // warms the page cache
    // Interleaved rounds and medians: the machine is shared, single runs vary by 2x.
    QList<qint64> r, s, one, cli;
    for (int round = 0; round < 5; ++round) {
        r << timeRunner();
        s << timeStatement();
        one << timeChunkStatement();
        cli << timeCli();
    }
    auto median = [](QList<qint64> v) {
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    };
    std::printf("search_runner_ms %lld (median of 5; %d hits in %d batches, %d chunks)\n", median(r), hits,
                batches, runner.chunksRun());
    std::printf("single_like_statement_ms %lld (median of 5, same connection)\n", median(s));
    std::printf("one_chunk_statement_ms %lld (median of 5, the runner's statement over every message)\n",
                median(one));
    std::printf("sqlite3_cli_like_ms %lld (median of 5, includes starting the tool)\n", median(cli));
    std::printf("runner_vs_cli %.2f\n", double(median(r)) / double(qMax<qint64>(1, median(cli))));
    return 0;
}
