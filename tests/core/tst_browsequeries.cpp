// Core browsing queries: keyset paging, schema drift, notes, generic tables.
#include "browse/keysetpager.h"
#include "browse/messagequery.h"
#include "browse/schemainfo.h"
#include "browse/sessionnotes.h"
#include "browse/sessionquery.h"
#include "browse/tablequery.h"
#include "browsetext.h"
#include "database.h"
#include "errortext.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

namespace {

// A Kalito database plus one session 'dup' whose 500 messages share only 4 timestamps, inserted
// in an order where id order and time order disagree.
QString makeDupDb(const QString &dir)
{
    QDir().mkpath(dir);
    const QString path = test::makeKalitoDb(dir, QStringLiteral("dup.db"), 2, 3);
    test::sqlite3(
        path, QStringLiteral("INSERT INTO sessions (id, name, created_at, updated_at) VALUES ('dup', 'Dup', "
                             "'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');"
                             "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500) "
                             "INSERT INTO messages (session_id, role, text, created_at) SELECT 'dup', "
                             "CASE x % 2 WHEN 0 THEN 'user' ELSE 'assistant' END, 'm' || x, "
                             "'2025-01-01T00:00:0' || ((x * 7) % 4) || '.000Z' FROM c;"));
    return path;
}

QList<qint64> ids(const RowPage &page)
{
    QList<qint64> list;
    for (const QVariantList &row : page.rows)
        list << row.value(MessageQuery::Id).toLongLong();
    return list;
}

QList<qint64> expectedOrder(Database &db)
{
    QList<qint64> list;
    const SqlResult r =
        db.select(QStringLiteral("SELECT id FROM messages WHERE session_id = 'dup' ORDER BY created_at, id"));
    for (const QVariantList &row : r.rows)
        list << row.value(0).toLongLong();
    return list;
}

} // namespace

class TestBrowseQueries : public QObject
{
    Q_OBJECT
private slots:
    void keysetForwardAndBackwardWithSharedTimestamps_data();
    void keysetForwardAndBackwardWithSharedTimestamps();
    void seekLandsOnTheRightRow();
    void messagePositionAndRecord();
    void sessionsFilterSortAndCounts();
    void likeFilterIsLiteral();
    void oldSchemaWithoutLaterColumns();
    void newerSchemaWithExtraColumns();
    void missingPinsTable();
    void nonKalitoFile();
    void withoutRowidTablePagesOnItsKey();
    void usesTheSessionIndex();
    void whyATableCannotBePaged();

private:
    QTemporaryDir m_dir;
};

void TestBrowseQueries::keysetForwardAndBackwardWithSharedTimestamps_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("200") << 200;
    QTest::newRow("1000") << 1000;
}

void TestBrowseQueries::keysetForwardAndBackwardWithSharedTimestamps()
{
    QFETCH(int, pageSize);
    const QString path = makeDupDb(m_dir.filePath(QString::number(pageSize)));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const KeysetSpec spec = MessageQuery::spec(schema, QStringLiteral("dup"));
    const QList<qint64> expected = expectedOrder(db);
    QCOMPARE(expected.size(), 500);

    QList<qint64> forward;
    RowPage page = KeysetPager::first(db, spec, pageSize);
    while (page.ok() && page.size() > 0) {
        forward += ids(page);
        QCOMPARE(db.activeStatements(), 0);
        page = KeysetPager::after(db, spec, page.keys.last(), pageSize);
    }
    QVERIFY(page.ok());
    QCOMPARE(forward, expected);

    QList<qint64> backward;
    page = KeysetPager::last(db, spec, pageSize);
    while (page.ok() && page.size() > 0) {
        backward = ids(page) + backward;
        page = KeysetPager::before(db, spec, page.keys.first(), pageSize);
    }
    QCOMPARE(backward, expected);
    QCOMPARE(KeysetPager::count(db, spec), qint64(500));
    QVERIFY(db.isAutocommit());
}

void TestBrowseQueries::seekLandsOnTheRightRow()
{
    const QString path = makeDupDb(m_dir.filePath(QStringLiteral("seek")));
    Database db;
    QVERIFY(db.open({path}).ok());
    const KeysetSpec spec = MessageQuery::spec(SchemaInfo::read(db), QStringLiteral("dup"));
    const QList<qint64> expected = expectedOrder(db);
    for (int d : {0, 1, 13, 250, 499}) {
        const QVariantList key = KeysetPager::seek(db, spec, {}, true, d);
        QCOMPARE(key.value(1).toLongLong(), expected.at(d));
        const QVariantList back = KeysetPager::seek(db, spec, {}, false, 500 - d);
        QCOMPARE(back.value(1).toLongLong(), expected.at(d));
    }
    // From an anchor in the middle, both ways.
    const QVariantList anchor = KeysetPager::seek(db, spec, {}, true, 100);
    QCOMPARE(KeysetPager::seek(db, spec, anchor, true, 50).value(1).toLongLong(), expected.at(150));
    QCOMPARE(KeysetPager::seek(db, spec, anchor, false, 30).value(1).toLongLong(), expected.at(70));
}

void TestBrowseQueries::messagePositionAndRecord()
{
    const QString path = makeDupDb(m_dir.filePath(QStringLiteral("pos")));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const QList<qint64> expected = expectedOrder(db);
    for (int i : {0, 1, 77, 499})
        QCOMPARE(MessageQuery::position(db, schema, QStringLiteral("dup"), expected.at(i)), qint64(i));
    QCOMPARE(MessageQuery::position(db, schema, QStringLiteral("other"), expected.at(3)), qint64(-1));
    const MessageRecord rec = MessageQuery::record(db, expected.at(5));
    QVERIFY(rec.found);
    QCOMPARE(rec.sessionId, QStringLiteral("dup"));
    QVERIFY(rec.text.startsWith(QLatin1Char('m')));
    QVERIFY(!MessageQuery::record(db, 987654321).found);
}

void TestBrowseQueries::sessionsFilterSortAndCounts()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("sessions.db"), 30, 4);
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    QVERIFY(schema.isKalito());
    SessionFilter f;
    // Default: stored order, newest first.
    const RowPage stored = KeysetPager::first(db, SessionQuery::spec(schema, f), 1000);
    const QString storedIds =
        test::sqlite3(path, QStringLiteral("SELECT id FROM sessions ORDER BY rowid DESC;"));
    QStringList storedList;
    for (const QVariantList &row : stored.rows)
        storedList << row.value(SessionQuery::Id).toString();
    QCOMPARE(storedList.join(QLatin1Char('\n')), storedIds);
    f.sort = SessionFilter::SortKey::Updated;
    RowPage all = KeysetPager::first(db, SessionQuery::spec(schema, f), 1000);
    QCOMPARE(all.size(), 30);
    QVERIFY(!all.rows.first().value(SessionQuery::PersonaName).toString().isEmpty());
    QVERIFY(!all.rows.first().value(SessionQuery::PersonaIcon).toString().isEmpty());
    // Newest first, and paging in 4s gives the same order.
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.rows.at(i - 1).value(SessionQuery::UpdatedAt).toString() >=
                all.rows.at(i).value(SessionQuery::UpdatedAt).toString());
    QList<QVariantList> paged;
    const KeysetSpec spec = SessionQuery::spec(schema, f);
    RowPage p = KeysetPager::first(db, spec, 4);
    while (p.size() > 0) {
        paged += p.rows;
        p = KeysetPager::after(db, spec, p.keys.last(), 4);
    }
    QCOMPARE(paged, all.rows);

    f.saved = SessionFilter::Saved::SavedOnly;
    const qint64 saved = KeysetPager::count(db, SessionQuery::spec(schema, f));
    f.saved = SessionFilter::Saved::UnsavedOnly;
    const qint64 unsaved = KeysetPager::count(db, SessionQuery::spec(schema, f));
    QCOMPARE(saved + unsaved, qint64(30));
    QVERIFY(saved > 0 && unsaved > 0);
    f.saved = SessionFilter::Saved::Any;
    f.personaId = QStringLiteral("default-local");
    QCOMPARE(KeysetPager::count(db, SessionQuery::spec(schema, f)), qint64(15));

    QStringList idsOfPage;
    for (const QVariantList &row : all.rows.mid(0, 5))
        idsOfPage << row.value(SessionQuery::Id).toString();
    const QHash<QString, qint64> counts = SessionQuery::messageCounts(db, idsOfPage);
    QCOMPARE(counts.size(), 5);
    for (qint64 n : counts)
        QCOMPARE(n, qint64(4));
    const auto personas = SessionQuery::personas(db, schema);
    QCOMPARE(personas.size(), 2);
}

void TestBrowseQueries::likeFilterIsLiteral()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("like.db"), 2, 1);
    test::sqlite3(
        path, QStringLiteral("INSERT INTO sessions (id, name) VALUES ('a', '100% done'), ('b', '1000 done'),"
                             " ('c', 'it''s_x'), ('d', 'its x');"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    SessionFilter f;
    f.text = QStringLiteral("100%");
    QCOMPARE(KeysetPager::count(db, SessionQuery::spec(schema, f)), qint64(1));
    f.text = QStringLiteral("'s_");
    QCOMPARE(KeysetPager::count(db, SessionQuery::spec(schema, f)), qint64(1));
}

void TestBrowseQueries::oldSchemaWithoutLaterColumns()
{
    const QString path = m_dir.filePath(QStringLiteral("old.db"));
    test::sqlite3(
        path, QStringLiteral(
                  "PRAGMA journal_mode=WAL;"
                  "CREATE TABLE sessions (id TEXT PRIMARY KEY, name TEXT, model TEXT, created_at TEXT);"
                  "CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, "
                  "role TEXT, text TEXT, created_at TEXT);"
                  "INSERT INTO sessions VALUES ('s1', 'Old one', 'm', '2024-01-01T00:00:00Z');"
                  "INSERT INTO messages (session_id, role, text, created_at) VALUES "
                  "('s1', 'user', 'hi', '2024-01-01T00:00:01Z'), ('s1', 'assistant', 'ho', "
                  "'2024-01-01T00:00:02Z');"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    QVERIFY(schema.isKalito());
    QVERIFY(schema.missingColumns(QStringLiteral("sessions")).contains(QStringLiteral("saved")));
    QVERIFY(schema.missingColumns(QStringLiteral("messages")).contains(QStringLiteral("importance_score")));
    QCOMPARE(schema.unavailable(QStringLiteral("personas")), SchemaInfo::Unavailable::NoTable);
    QCOMPARE(ErrorText::unavailable(schema, QStringLiteral("personas")),
             QStringLiteral("This database has no personas table."));
    const RowPage sessions = KeysetPager::first(db, SessionQuery::spec(schema, {}), 10);
    QVERIFY2(sessions.ok(), qPrintable(sessions.error.toString()));
    QCOMPARE(sessions.size(), 1);
    QVERIFY(sessions.rows.first().value(SessionQuery::Saved).isNull());
    QVERIFY(sessions.rows.first().value(SessionQuery::PersonaName).isNull());
    const RowPage messages = KeysetPager::first(db, MessageQuery::spec(schema, QStringLiteral("s1")), 10);
    QVERIFY2(messages.ok(), qPrintable(messages.error.toString()));
    QCOMPARE(messages.size(), 2);
    QVERIFY(messages.rows.first().value(MessageQuery::Importance).isNull());
    QCOMPARE(messages.rows.first().value(MessageQuery::Preview).toString(), QStringLiteral("hi"));
    const SessionNotes notes = SessionNotes::load(db, schema, QStringLiteral("s1"));
    QCOMPARE(notes.pinsUnavailable, SchemaInfo::Unavailable::NoTable);
    QCOMPARE(notes.summariesUnavailable, SchemaInfo::Unavailable::NoTable);
    QVERIFY(!notes.error.isError());
}

void TestBrowseQueries::newerSchemaWithExtraColumns()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("newer.db"), 2, 3);
    test::sqlite3(path, QStringLiteral("ALTER TABLE messages ADD COLUMN sentiment TEXT;"
                                       "UPDATE messages SET sentiment = 'calm';"
                                       "ALTER TABLE sessions ADD COLUMN archived_at TEXT;"
                                       "UPDATE sessions SET archived_at = 'later';"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    QCOMPARE(schema.extraColumns(QStringLiteral("messages")), QStringList{QStringLiteral("sentiment")});
    QCOMPARE(MessageQuery::extraColumns(schema), QStringList{QStringLiteral("sentiment")});
    QVERIFY(SessionQuery::extraColumns(schema).contains(QStringLiteral("archived_at")));
    const RowPage sessions = KeysetPager::first(db, SessionQuery::spec(schema, {}), 10);
    const int archived = SessionQuery::NumFields +
                         int(SessionQuery::extraColumns(schema).indexOf(QStringLiteral("archived_at")));
    QCOMPARE(sessions.rows.first().value(archived).toString(), QStringLiteral("later"));
    const QString sid = sessions.rows.first().value(SessionQuery::Id).toString();
    const RowPage messages = KeysetPager::first(db, MessageQuery::spec(schema, sid), 10);
    QCOMPARE(messages.rows.first().value(MessageQuery::NumFields).toString(), QStringLiteral("calm"));
}

void TestBrowseQueries::missingPinsTable()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("nopins.db"), 3, 30);
    test::sqlite3(path, QStringLiteral("DROP TABLE semantic_pins;"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    QVERIFY(schema.isKalito());
    QVERIFY(ErrorText::unavailable(schema, QStringLiteral("semantic_pins"))
                .contains(QStringLiteral("semantic_pins")));
    const QString sid =
        db.scalar(QStringLiteral("SELECT session_id FROM conversation_summaries LIMIT 1")).toString();
    const SessionNotes notes = SessionNotes::load(db, schema, sid);
    QVERIFY(notes.pinsUnavailable != SchemaInfo::Unavailable::None);
    QCOMPARE(notes.summariesUnavailable, SchemaInfo::Unavailable::None);
    QVERIFY(!notes.notes.isEmpty());
    for (const SessionNote &n : notes.notes) {
        QCOMPARE(n.kind, SessionNote::Kind::Summary);
        QVERIFY(!n.sourceMessageId.isEmpty());
    }
}

void TestBrowseQueries::nonKalitoFile()
{
    const QString path = m_dir.filePath(QStringLiteral("other.db"));
    test::sqlite3(
        path, QStringLiteral("CREATE TABLE patients (name TEXT, born TEXT, photo BLOB);"
                             "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 45) "
                             "INSERT INTO patients SELECT 'p' || x, NULL, randomblob(10) FROM c;"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    QVERIFY(!schema.isKalito());
    QVERIFY(!schema.isAvailable(QStringLiteral("sessions")));
    const TableInfo *t = schema.table(QStringLiteral("patients"));
    QVERIFY(t);
    QCOMPARE(t->columnNames(),
             (QStringList{QStringLiteral("name"), QStringLiteral("born"), QStringLiteral("photo")}));
    const KeysetSpec spec = TableQuery::spec(*t);
    QVERIFY(spec.isValid());
    QStringList names;
    RowPage p = KeysetPager::first(db, spec, 10);
    while (p.size() > 0) {
        for (const QVariantList &row : p.rows)
            names << row.value(0).toString();
        QCOMPARE(p.rows.first().value(2).toString(), QStringLiteral("<10 bytes>"));
        p = KeysetPager::after(db, spec, p.keys.last(), 10);
    }
    QCOMPARE(names.size(), 45);
    QCOMPARE(names.last(), QStringLiteral("p45"));
    const SqlResult full = TableQuery::row(db, *t, {QVariant(3)});
    QCOMPARE(full.value(0, 0).toString(), QStringLiteral("p3"));
    QCOMPARE(full.value(0, 2).toByteArray().size(), 10);
}

void TestBrowseQueries::withoutRowidTablePagesOnItsKey()
{
    const QString path = m_dir.filePath(QStringLiteral("wr.db"));
    test::sqlite3(
        path, QStringLiteral(
                  "CREATE TABLE kv (a TEXT, b INTEGER, v TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;"
                  "CREATE TABLE shadow (rowid TEXT, _rowid_ TEXT, x);"
                  "INSERT INTO shadow VALUES ('r', 'u', 1), ('s', 't', 2);"
                  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30) "
                  "INSERT INTO kv SELECT CASE WHEN x % 3 = 0 THEN 'a' ELSE 'b' END, x, 'v' || x FROM c;"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const TableInfo *t = schema.table(QStringLiteral("kv"));
    QVERIFY(t && t->withoutRowid);
    QCOMPARE(t->rowidName(), QString());
    const KeysetSpec spec = TableQuery::spec(*t);
    QCOMPARE(spec.keys.size(), 2);
    int rows = 0;
    RowPage p = KeysetPager::first(db, spec, 4);
    while (p.size() > 0) {
        rows += p.size();
        p = KeysetPager::after(db, spec, p.keys.last(), 4);
    }
    QCOMPARE(rows, 30);
    const TableInfo *s = schema.table(QStringLiteral("shadow"));
    QCOMPARE(s->rowidName(), QStringLiteral("oid"));
    QCOMPARE(KeysetPager::first(db, TableQuery::spec(*s), 10).size(), 2);
}

void TestBrowseQueries::usesTheSessionIndex()
{
    const QString path = makeDupDb(m_dir.filePath(QStringLiteral("plan")));
    Database db;
    QVERIFY(db.open({path}).ok());
    const KeysetSpec spec = MessageQuery::spec(SchemaInfo::read(db), QStringLiteral("dup"));
    // The statement a page after a key runs, as KeysetSpec writes it.
    const KeysetSpec::Statement page =
        spec.rows(KeysetSpec::Bound::After, {QStringLiteral("2025"), 1}, false, 10);
    const SqlResult plan = db.select(QStringLiteral("EXPLAIN QUERY PLAN ") + page.sql, page.binds);
    QString detail;
    for (const QVariantList &row : plan.rows)
        detail += row.last().toString() + QLatin1Char('\n');
    QVERIFY2(detail.contains(QStringLiteral("idx_messages_session_created")), qPrintable(detail));
    QVERIFY2(!detail.contains(QStringLiteral("SCAN m")), qPrintable(detail));
}

// A view and a table whose rowid names are all taken by columns have no key: core says which
// (TableQuery::paging), BrowseText words it (English here: no catalogue installed).
void TestBrowseQueries::whyATableCannotBePaged()
{
    const QString path = m_dir.filePath(QStringLiteral("unpageable.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE t (x); CREATE TABLE taken (rowid, _rowid_, oid);"
                                       "CREATE VIEW v AS SELECT x FROM t;"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const TableInfo *t = schema.table(QStringLiteral("t"));
    const TableInfo *taken = schema.table(QStringLiteral("taken"));
    const TableInfo *v = schema.table(QStringLiteral("v"));
    QVERIFY(t && taken && v);
    QCOMPARE(TableQuery::paging(*t), TableQuery::Paging::Pageable);
    QCOMPARE(BrowseText::paging(*t), QString());
    QCOMPARE(TableQuery::paging(*taken), TableQuery::Paging::NoKey);
    QCOMPARE(BrowseText::paging(*taken),
             QStringLiteral("taken has neither a rowid nor a primary key to page on."));
    QVERIFY(!TableQuery::spec(*taken).isValid());
    QCOMPARE(TableQuery::paging(*v), TableQuery::Paging::View);
    QCOMPARE(BrowseText::paging(*v), QStringLiteral("v is a view: it has no key to page on."));
}

QTEST_GUILESS_MAIN(TestBrowseQueries)
#include "tst_browsequeries.moc"
