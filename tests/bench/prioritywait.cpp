#include "prioritywait.h"

#include "browse/schemainfo.h"
#include "browse/sessionnotes.h"
#include "browse/steppedcount.h"
#include "connection.h"
#include "database.h"
#include "kalitoschema.h"
#include "steppedwork.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <fcntl.h>
#include <unistd.h>

using namespace kalito;

namespace {

struct Waits
{
    QList<double> ms;
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
    double median() const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> v = ms;
        std::sort(v.begin(), v.end());
        return v.at(v.size() / 2);
    }
};

// Runs `background` (which calls done() when all of it finished) while a page of sessions is
// asked for every 7 ms; returns how long each page waited from being asked for to starting.
Waits pagesDuring(Connection &c, const std::function<void(std::function<void()> done)> &background)
{
    auto waits = std::make_shared<Waits>();
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    bool finished = false;
    QTimer pages;
    QObject::connect(&pages, &QTimer::timeout, &loop, [&c, &clock, waits] {
        const qint64 asked = clock.nsecsElapsed();
        c.run([&clock, asked, waits](Database &db) {
            waits->ms << (clock.nsecsElapsed() - asked) / 1e6; // only this thread appends, in order
            return db.select(QStringLiteral("SELECT id FROM sessions ORDER BY rowid DESC LIMIT 200"))
                .rows.size();
        });
    });
    pages.start(7);
    background([&] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    pages.stop();
    c.run([](Database &) { return 0; }).waitForFinished(); // the last pages have run
    return *waits;
}

} // namespace

namespace {

// Drops the database and its -wal from the OS cache (a cold open). Only while no connection of this
// process is open on them: closing this descriptor would drop such a connection's locks.
void dropFromCache(const QString &path)
{
    for (const QString &file : {path, path + QStringLiteral("-wal")}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

} // namespace

QList<BenchFigure> measurePriorityWait(const QString &path)
{
    QList<BenchFigure> figures;
    for (bool cold : {false, true}) {
        for (bool stepped : {true, false})
            figures << measurePriorityWait(path, cold, stepped);
    }
    return figures;
}

BenchFigure measurePriorityWait(const QString &path, bool cold, bool steppedWork)
{
    if (cold)
        dropFromCache(path);
    Connection c;
    if (!c.open({path}).result().ok())
        return {};
    const SchemaInfo schema = c.run([](Database &db) { return SchemaInfo::read(db); }).result();
    const QString session =
        c.run([](Database &db) {
             return db.scalar(QStringLiteral("SELECT id FROM sessions ORDER BY rowid DESC LIMIT 1"))
                 .toString();
         }).result();
    QStringList tables;
    for (const QString &t : KalitoSchema::coreTables()) {
        if (schema.table(t))
            tables << t;
    }
    QObject context;
    QStringList counted; // what the stepped counts found, for the note
    // As the window does now: each count and the pins scan in background steps.
    const Waits waits =
        steppedWork
            ? pagesDuring(c,
                          [&](std::function<void()> done) {
                              auto left = std::make_shared<int>(int(tables.size()) + 1);
                              auto one = [left, done] {
                                  if (--*left == 0)
                                      done();
                              };
                              for (const QString &t : std::as_const(tables))
                                  runInSteps(&c, &context, SteppedCount::start(t), &SteppedCount::step,
                                             [one, t, &counted](const SteppedCount::State &s) {
                                                 counted << QStringLiteral("%1 %2 in %3 ms of work")
                                                                .arg(t)
                                                                .arg(s.count)
                                                                .arg(s.workUs / 1000);
                                                 one();
                                             });
                              runInSteps(&c, &context, SessionNotes::startScan(schema, session),
                                         &SessionNotes::step, [one](const SessionNotes::Scan &) { one(); });
                          })
            // The same work as single statements, one request each (what the window did before).
            : pagesDuring(c, [&](std::function<void()> done) {
                  QList<QFuture<qint64>> all;
                  for (const QString &t : std::as_const(tables)) {
                      all << c.run([t](Database &db) {
                          return db
                              .scalar(QStringLiteral("SELECT count(*) FROM ") + Database::quoteIdentifier(t))
                              .toLongLong();
                      });
                  }
                  auto last = c.run([schema, session](Database &db) {
                      return SessionNotes::load(db, schema, session)
                          .notes.size(); // one request, every step inline
                  });
                  whenFinished(&context, last, [done](qsizetype) { done(); });
              });
    const QString name = QStringLiteral("interactive_wait_max_ms") +
                         (steppedWork ? QString() : QStringLiteral("_single_statements")) +
                         (cold ? QStringLiteral("_cold") : QStringLiteral("_warm"));
    const QString what =
        steppedWork
            ? QStringLiteral("stepped counts (%1) and a session's pins scan in steps")
                  .arg(counted.join(QStringLiteral(", ")))
            : QStringLiteral("the same as one request per count(*) and one for the pins (before issue 12)");
    return {
        name, waits.max(), QStringLiteral("ms"), -1,
        QStringLiteral(
            "longest wait of a page of sessions (asked every 7 ms, %1 pages, median wait %2 ms) behind the "
            "background work of an open%3: %4")
            .arg(waits.ms.size())
            .arg(waits.median(), 0, 'f', 2)
            .arg(cold ? QStringLiteral(", database and -wal dropped from the OS cache first") : QString())
            .arg(what)};
}
