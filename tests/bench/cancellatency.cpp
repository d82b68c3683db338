#include "cancellatency.h"

#include "checkpointrunner.h"
#include "connection.h"
#include "database.h"
#include "integritycheck.h"
#include "searchrunner.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

using namespace kalito;

namespace {

// Lets the work get well under way before the cancel (the cancel must land mid-work).
void letItRun(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Milliseconds from the cancel until the connection answers the next request.
template<typename Cancel> double timeCancel(Connection &c, Cancel cancel)
{
    QElapsedTimer t;
    t.start();
    cancel();
    c.run([](Database &db) { return db.scalar(QStringLiteral("SELECT 1")).toInt(); }).waitForFinished();
    return t.nsecsElapsed() / 1e6;
}

BenchFigure figure(const QString &name, const QList<double> &ms, const QString &what)
{
    return {name, medianOf(ms), QStringLiteral("ms"), -1,
            QStringLiteral("%1; median of %2 cancels that landed mid-work; goal < 1000 ms")
                .arg(what)
                .arg(ms.size())};
}

} // namespace

QList<BenchFigure> measureCancelLatency(const QString &bigPath, const QString &scratchDir, int rounds)
{
    QList<BenchFigure> figures;
    Connection big;
    if (!big.open({bigPath}).result().ok())
        return figures;

    QList<double> interrupt;
    for (int i = 0; i < rounds; ++i) {
        auto f = big.run([](Database &db) {
            return db.select(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                            "WHERE i < 10000000000) SELECT count(*) FROM n"));
        });
        letItRun(300);
        if (!f.isFinished()) // only a cancel that lands mid-work is a sample
            interrupt << timeCancel(big, [&big] { big.interrupt(); });
    }
    figures << figure(QStringLiteral("cancel_connection_interrupt"), interrupt,
                      QStringLiteral("a runaway statement, Connection::interrupt"));

    for (bool perTable : {false, true}) {
        QList<double> ms;
        for (int i = 0; i < rounds; ++i) {
            const CancelToken flag;
            auto f = big.run(
                [flag, perTable](Database &db) {
                    return IntegrityCheck::run(db, IntegrityKind::Full, perTable, flag);
                },
                Connection::Priority::Background, flag);
            letItRun(300);
            if (f.isFinished())
                continue;
            ms << timeCancel(big, [flag] { flag.cancel(); }); // the panel's path: the token alone
        }
        figures << figure(perTable ? QStringLiteral("cancel_integrity_per_table")
                                   : QStringLiteral("cancel_integrity_whole_file"),
                          ms, QStringLiteral("integrity_check of the big database"));
    }

    QList<double> search;
    for (int i = 0; i < rounds; ++i) {
        SearchRunner runner(&big);
        runner.setInitialChunkRows(100000000); // one statement over every message
        runner.setFixedChunkRows(true);
        runner.start(QStringLiteral("no such text anywhere %1").arg(i));
        letItRun(300);
        if (runner.isRunning())
            search << timeCancel(big, [&runner] { runner.cancel(); });
    }
    figures << figure(QStringLiteral("cancel_search_chunk"), search,
                      QStringLiteral("one chunk over every message, SearchRunner::cancel"));
    big.close().waitForFinished();

    // RESTART waiting on a reader that pins a snapshot: the wait ends on the cancel, not the budget.
    const QString small = test::makeKalitoDb(scratchDir, QStringLiteral("cancel.db"), 3, 5);
    test::SqliteProcess reader(small), writer(small);
    if (!reader.start() || !writer.start())
        return figures;
    Connection c;
    if (!c.open({small}).result().ok())
        return figures;
    QList<double> checkpoint;
    for (int i = 0; i < rounds; ++i) {
        writer.exec(
            QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('a%1', 'a', 'p');").arg(i));
        reader.exec(QStringLiteral("BEGIN; SELECT count(*) FROM personas;"));
        writer.exec(
            QStringLiteral("INSERT INTO personas(id, name, prompt) VALUES ('b%1', 'b', 'p');").arg(i));
        const CancelToken flag;
        auto f = c.run(
            [flag](Database &db) { return CheckpointRunner::run(db, CheckpointMode::Restart, flag, 30000); },
            Connection::Priority::Interactive, flag);
        letItRun(300);
        if (f.isFinished()) {
            reader.exec(QStringLiteral("COMMIT;"));
            continue;
        }
        checkpoint << timeCancel(c, [flag] { flag.cancel(); });
        reader.exec(QStringLiteral("COMMIT;"));
    }
    figures << figure(QStringLiteral("cancel_checkpoint_restart_wait"), checkpoint,
                      QStringLiteral("RESTART waiting on a reader, 30 s budget"));
    c.close().waitForFinished();
    return figures;
}
