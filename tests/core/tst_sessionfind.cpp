// SessionFind (Ctrl+F in a conversation) against the one statement it stands for, on a session
// walked in many short steps: same messages, same order, whatever the step size.
#include "browse/schemainfo.h"
#include "database.h"
#include "messagesearch.h"
#include "sessionfind.h"
#include "sqlfragment.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestSessionFind : public QObject
{
    Q_OBJECT
private slots:
    void findsWhatTheStatementFinds_data();
    void findsWhatTheStatementFinds();
    void resumeReadsOnlyTheMessagesAppended();
};

void TestSessionFind::findsWhatTheStatementFinds_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("stepRows");
    QTest::newRow("ascii, 7 a step") << QStringLiteral("KIWI") << 7;
    QTest::newRow("ascii, whole") << QStringLiteral("kiwi") << 100000;
    QTest::newRow("accented, 3 a step") << QStringLiteral("émile") << 3;
    QTest::newRow("percent, 5 a step") << QStringLiteral("5%") << 5;
    QTest::newRow("absent") << QStringLiteral("zzzz") << 4;
}

void TestSessionFind::findsWhatTheStatementFinds()
{
    QFETCH(QString, needle);
    QFETCH(int, stepRows);
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("f.db"), 2, 1);
    Database db;
    QVERIFY(db.open({path}).ok());
    const QString session =
        db.scalar(QStringLiteral("SELECT id FROM sessions ORDER BY rowid LIMIT 1")).toString();
    const QString other =
        db.scalar(QStringLiteral("SELECT id FROM sessions ORDER BY rowid DESC LIMIT 1")).toString();
    db.execute(QStringLiteral("BEGIN"));
    db.execute(QStringLiteral("DELETE FROM messages"));
    const QStringList texts = {QStringLiteral("a kiwi"),  QStringLiteral("ÉMILE"),
                               QStringLiteral("nothing"), QStringLiteral("Kiwi and émile"),
                               QStringLiteral("5% off"),  QStringLiteral("55 off")};
    for (int i = 0; i < 60; ++i) {
        // Times repeat (ties broken by id) and go back and forth against the ids.
        const QString time =
            QStringLiteral("2024-05-01T10:%1:00Z").arg((i * 7) % 13, 2, 10, QLatin1Char('0'));
        db.execute(QStringLiteral(
                       "INSERT INTO messages (session_id, role, text, created_at) VALUES (?, 'user', ?, ?)"),
                   {i % 5 == 4 ? other : session, texts.at(i % texts.size()), time});
    }
    db.execute(QStringLiteral("COMMIT"));
    // sql-ok: one of two constant conditions
    const TextMatch match(needle);
    const SqlResult expected = db.select(
        QStringLiteral("SELECT id FROM messages WHERE session_id = ? AND %1 ORDER BY created_at, id")
            .arg(match.sqlCondition(QStringLiteral("text"))),
        {session, match.sqlPattern()});
    QVERIFY(expected.ok());
    QList<qint64> want;
    for (const QVariantList &row : expected.rows)
        want << row.value(0).toLongLong();

    SchemaInfo schema = SchemaInfo::read(db);
    SessionFind::Scan scan = SessionFind::start(schema, session, needle);
    scan.rows = stepRows;
    int steps = 0;
    while (!scan.done) {
        SessionFind::step(db, scan);
        scan.rows = stepRows; // a fixed step (the adapting is timing, not matching)
        ++steps;
    }
    QVERIFY2(!scan.error.isError(), qPrintable(scan.error.toString()));
    QList<qint64> got;
    for (const SessionFind::Hit &h : scan.hits)
        got << h.id;
    QCOMPARE(got, want);
    QCOMPARE(scan.walked, qint64(48));
    if (stepRows < 48)
        QVERIFY(steps > 48 / stepRows);
    // Every hit's text contains the needle by TextMatch too (the view highlights what was found).
    for (qint64 id : got) {
        const QString text =
            db.scalar(QStringLiteral("SELECT text FROM messages WHERE id = ?"), {id}).toString();
        QVERIFY(TextMatch(needle).indexIn(text).start >= 0);
    }
}

void TestSessionFind::resumeReadsOnlyTheMessagesAppended()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("r.db"), 1, 30);
    Database db;
    QVERIFY(db.open({path}).ok());
    const QString session = db.scalar(QStringLiteral("SELECT id FROM sessions LIMIT 1")).toString();
    db.execute(QStringLiteral("UPDATE messages SET text = 'a kiwi' WHERE rowid % 7 = 0"));
    const SchemaInfo schema = SchemaInfo::read(db);
    const SessionFind::Scan first = SessionFind::run(db, schema, session, QStringLiteral("kiwi"));
    QCOMPARE(first.walked, qint64(30));
    const int before = int(first.hits.size());
    QVERIFY(before > 0);
    for (int i = 0; i < 3; ++i)
        db.execute(
            QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) VALUES (?, 'user', ?, "
                           "'2999-01-01T00:00:0%1Z')")
                .arg(i),
            {session, i == 1 ? QStringLiteral("KIWI late") : QStringLiteral("nothing")});
    SessionFind::Scan more = SessionFind::resume(first);
    while (!more.done)
        SessionFind::step(db, more);
    QCOMPARE(more.walked - first.walked, qint64(3)); // the three new messages, not the session again
    QCOMPARE(int(more.hits.size()), before + 1);
    QCOMPARE(more.hits.mid(0, before).size(), before);
    QCOMPARE(more.hits.last().id,
             db.scalar(QStringLiteral("SELECT id FROM messages WHERE text = 'KIWI late'")).toLongLong());
}

QTEST_MAIN(TestSessionFind)
#include "tst_sessionfind.moc"
