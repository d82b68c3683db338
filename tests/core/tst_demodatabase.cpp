#include "database.h"
#include "demodatabase.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestDemoDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsTheKalitoSchemaWithContent();
    void pinsAndSummariesPointAtRealMessages();
    void refusesToOverwrite();
    void largeSession();

private:
    QTemporaryDir m_dir;
};

void TestDemoDatabase::createsTheKalitoSchemaWithContent()
{
    DemoOptions o;
    o.path = m_dir.filePath(QStringLiteral("demo.db"));
    o.sessions = 12;
    o.messagesPerSession = 25;
    const DemoResult r = DemoDatabase::create(o);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.toString()));
    QCOMPARE(r.sessions, 12);
    QCOMPARE(r.messages, 12 * 25);
    Database db;
    QVERIFY(db.open({o.path}).ok());
    for (const char *t : {"sessions", "messages", "personas", "conversation_summaries", "semantic_pins"})
        QVERIFY2(db.tableExists(QLatin1String(t)), t);
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM messages")).toInt(), 300);
    QCOMPARE(db.scalar(QStringLiteral("SELECT group_concat(id) FROM (SELECT id FROM personas ORDER BY id)"))
                 .toString(),
             QStringLiteral("default-cloud,default-local"));
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    // Varied content: several scripts, emoji, Markdown, long text, user and assistant roles.
    auto any = [&db](const QString &where) {
        return db.scalar(QStringLiteral("SELECT count(*) FROM messages WHERE ") + where).toInt() > 0;
    };
    QVERIFY(any(QStringLiteral("text LIKE '%¿%'")));                                // Spanish
    QVERIFY(any(QStringLiteral("text GLOB '*[ぁ-ん]*' OR text GLOB '*[一-龥]*'"))); // Japanese
    QVERIFY(any(QStringLiteral("text LIKE '%##%' OR text LIKE '%**%'")));           // Markdown
    QVERIFY(any(QStringLiteral("length(text) > 2000")));                            // long
    QVERIFY(any(QStringLiteral("length(text) < 10")));                              // short
    QVERIFY(any(QStringLiteral("role = 'user'")) && any(QStringLiteral("role = 'assistant'")));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
    QCOMPARE(db.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
}

void TestDemoDatabase::pinsAndSummariesPointAtRealMessages()
{
    DemoOptions o;
    o.path = m_dir.filePath(QStringLiteral("links.db"));
    o.sessions = 20;
    o.messagesPerSession = 30;
    const DemoResult r = DemoDatabase::create(o);
    QVERIFY(r.pins > 0);
    QVERIFY(r.summaries > 0);
    Database db;
    QVERIFY(db.open({o.path}).ok());
    QCOMPARE(db.scalar(QStringLiteral(
                           "SELECT count(*) FROM semantic_pins p LEFT JOIN messages m ON "
                           "m.id = CAST(p.source_message_id AS INTEGER) AND m.session_id = p.session_id "
                           "WHERE m.id IS NULL"))
                 .toInt(),
             0);
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT count(*) FROM conversation_summaries s WHERE NOT EXISTS (SELECT 1 "
                                 "FROM messages m WHERE m.id = CAST(s.start_message_id AS INTEGER) AND "
                                 "m.session_id = s.session_id) OR NOT EXISTS (SELECT 1 FROM messages m WHERE "
                                 "m.id = CAST(s.end_message_id AS INTEGER) AND m.session_id = s.session_id)"))
            .toInt(),
        0);
}

void TestDemoDatabase::refusesToOverwrite()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("exists.db"));
    const QByteArray before = test::sha256(path);
    DemoOptions o;
    o.path = path;
    const DemoResult r = DemoDatabase::create(o);
    QCOMPARE(r.error.kind, DbError::Kind::AlreadyExists);
    QVERIFY(r.error.toString().contains(path));
    QCOMPARE(test::sha256(path), before);
}

void TestDemoDatabase::largeSession()
{
    DemoOptions o;
    o.path = m_dir.filePath(QStringLiteral("large.db"));
    o.sessions = 3;
    o.messagesPerSession = 5;
    o.largeSessionMessages = 500;
    const DemoResult r = DemoDatabase::create(o);
    QCOMPARE(r.messages, 510);
    Database db;
    QVERIFY(db.open({o.path}).ok());
    QCOMPARE(
        db.scalar(QStringLiteral("SELECT max(c) FROM (SELECT count(*) c FROM messages GROUP BY session_id)"))
            .toInt(),
        500);
}

QTEST_GUILESS_MAIN(TestDemoDatabase)
#include "tst_demodatabase.moc"
