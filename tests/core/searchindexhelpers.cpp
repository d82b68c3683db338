#include "searchindexhelpers.h"

#include "database.h"
#include "searchindexbuilder.h"
#include "searchindexfile.h"
#include "searchrunner.h"

#include <QtTest>

namespace kalito::test {

QList<qint64> fillMessages(const QString &path, const QStringList &texts)
{
    Database db;
    if (!db.open({path}).ok())
        return {};
    QList<qint64> ids;
    db.execute(QStringLiteral("BEGIN"));
    db.execute(QStringLiteral("DELETE FROM messages"));
    const QString session =
        db.scalar(QStringLiteral("SELECT id FROM sessions ORDER BY id LIMIT 1")).toString();
    for (int i = 0; i < texts.size(); ++i) {
        db.execute(
            QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) VALUES (?, ?, ?, ?)"),
            {session, i % 2 ? QStringLiteral("assistant") : QStringLiteral("user"), texts.at(i),
             QStringLiteral("2024-05-01T10:00:%1Z").arg(i % 60, 2, 10, QLatin1Char('0'))});
        ids << db.scalar(QStringLiteral("SELECT last_insert_rowid()")).toLongLong();
    }
    db.execute(QStringLiteral("COMMIT"));
    db.close();
    return ids;
}

SearchOutcome searchAll(Connection &c, const QString &text, bool withIndex)
{
    SearchRunner runner(&c);
    runner.setIndexEnabled(withIndex);
    runner.setMaxResults(1000000);
    SearchOutcome o;
    bool done = false;
    QObject::connect(&runner, &SearchRunner::resultsFound, &runner,
                     [&](const QList<SearchHit> &h) { o.hits << h; });
    QObject::connect(&runner, &SearchRunner::finished, &runner, [&](bool, const DbError &e) {
        o.error = e;
        done = true;
    });
    runner.start(text);
    if (!QTest::qWaitFor([&] { return done; }, 60000))
        qWarning("search did not finish");
    o.use = runner.indexUse();
    return o;
}

QStringList dump(const QList<SearchHit> &hits)
{
    QStringList lines;
    for (const SearchHit &h : hits)
        lines << QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                     .arg(h.messageId)
                     .arg(h.sessionId, h.sessionName, h.role, h.snippet)
                     .arg(h.matchStart)
                     .arg(h.matchLength);
    return lines;
}

Built buildIndex(Connection &c, bool fresh, bool update)
{
    SearchIndexBuilder builder(&c);
    Built b;
    bool done = false;
    QObject::connect(&builder, &SearchIndexBuilder::progress, &builder, [&](double) { ++b.progressSignals; });
    QObject::connect(&builder, &SearchIndexBuilder::finished, &builder,
                     [&](const SearchIndexInfo &info, bool cancelled, const DbError &e) {
                         b.info = info;
                         b.cancelled = cancelled;
                         b.error = e;
                         done = true;
                     });
    if (update)
        builder.update();
    else
        builder.build(fresh);
    if (!QTest::qWaitFor([&] { return done; }, 120000))
        qWarning("build did not finish");
    b.steps = builder.stepsRun();
    return b;
}

SearchIndexInfo inspectIndex(Connection &c)
{
    return c.run([](Database &db) { return SearchIndexFile::inspect(db); }).result();
}

} // namespace kalito::test
