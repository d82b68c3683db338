// The SQL knowledge written once: the Kalito schema (its DDL and its columns from one table), the
// column-or-NULL helper, the one column reader, the LIKE escaper and oneLine.
#include "browse/schemainfo.h"
#include "database.h"
#include "kalitoschema.h"
#include "oneline.h"
#include "sqlfragment.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

namespace {

OpenOptions fresh(const QTemporaryDir &dir, const QString &name)
{
    OpenOptions o;
    o.path = dir.filePath(name);
    o.create = true;
    return o;
}

} // namespace

class TestSqlFragment : public QObject
{
    Q_OBJECT

private slots:
    void columnOrNullQuotesWhatExists();
    void likeContainsMatchesLiterally_data();
    void likeContainsMatchesLiterally();
    void oneLineKeepsEveryOffset();
    void readColumnsReadsTableXinfo();
    void schemaDdlAndColumnsAgree();
    void schemaDdlTextIsTheBackends();
};

void TestSqlFragment::columnOrNullQuotesWhatExists()
{
    TableInfo t;
    t.name = QStringLiteral("messages");
    ColumnInfo role;
    role.name = QStringLiteral("Role");
    ColumnInfo odd;
    odd.name = QStringLiteral("we\"ird");
    t.columns = {role, odd};
    QCOMPARE(SqlFragment::columnOrNull(&t, QStringLiteral("role"), QStringLiteral("m")),
             QStringLiteral("m.\"role\""));
    QCOMPARE(SqlFragment::columnOrNull(&t, QStringLiteral("role")), QStringLiteral("\"role\""));
    QCOMPARE(SqlFragment::columnOrNull(&t, QStringLiteral("we\"ird"), QStringLiteral("m")),
             QStringLiteral("m.\"we\"\"ird\""));
    QCOMPARE(SqlFragment::columnOrNull(&t, QStringLiteral("text"), QStringLiteral("m")),
             QStringLiteral("NULL"));
    QCOMPARE(SqlFragment::columnOrNull(nullptr, QStringLiteral("role"), QStringLiteral("m")),
             QStringLiteral("NULL"));
}

void TestSqlFragment::likeContainsMatchesLiterally_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("matches"); // of: "100% sure", "a_b", "axb", "c:\\dir", "plain"
    QTest::newRow("percent") << QStringLiteral("0%") << QStringLiteral("%0\\%%")
                             << QStringList{QStringLiteral("100% sure")};
    QTest::newRow("underscore") << QStringLiteral("a_b") << QStringLiteral("%a\\_b%")
                                << QStringList{QStringLiteral("a_b")};
    QTest::newRow("backslash") << QStringLiteral(":\\d") << QStringLiteral("%:\\\\d%")
                               << QStringList{QStringLiteral("c:\\dir")};
    QTest::newRow("plain, any case") << QStringLiteral("PLA") << QStringLiteral("%PLA%")
                                     << QStringList{QStringLiteral("plain")};
}

void TestSqlFragment::likeContainsMatchesLiterally()
{
    QFETCH(QString, needle);
    QFETCH(QString, pattern);
    QFETCH(QStringList, matches);
    QCOMPARE(SqlFragment::likeContains(needle), pattern);
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(fresh(dir, QStringLiteral("like.db"))).ok());
    QVERIFY(!db.execute(QStringLiteral("CREATE TABLE t (v TEXT)")).isError());
    for (const char *v : {"100% sure", "a_b", "axb", "c:\\dir", "plain"})
        QVERIFY(!db.execute(QStringLiteral("INSERT INTO t VALUES (?)"), {QString::fromLatin1(v)}).isError());
    const SqlResult r = db.select(QStringLiteral("SELECT v FROM t WHERE v LIKE ? ESCAPE '\\' ORDER BY v"),
                                  {SqlFragment::likeContains(needle)});
    QVERIFY(r.ok());
    QStringList got;
    for (const QVariantList &row : r.rows)
        got << row.value(0).toString();
    QCOMPARE(got, matches);
}

void TestSqlFragment::oneLineKeepsEveryOffset()
{
    QCOMPARE(oneLine(QStringLiteral("a\nb\r\nc\td")), QStringLiteral("a b  c d"));
    const QString text = QStringLiteral("x\r\n\tneedle");
    QCOMPARE(oneLine(text).size(), text.size());
    QCOMPARE(oneLine(text).indexOf(QStringLiteral("needle")), text.indexOf(QStringLiteral("needle")));
    QCOMPARE(oneLine(QString()), QString());
    QCOMPARE(oneLine(QStringLiteral("émoji 🎉")), QStringLiteral("émoji 🎉"));
}

void TestSqlFragment::readColumnsReadsTableXinfo()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(fresh(dir, QStringLiteral("cols.db"))).ok());
    QVERIFY(!db.execute(QStringLiteral("CREATE TABLE t (a INTEGER NOT NULL DEFAULT 7, b TEXT, "
                                       "c AS (a + 1), PRIMARY KEY (b, a))"))
                 .isError());
    DbError error;
    const QList<ColumnInfo> cols = SchemaInfo::readColumns(db, QStringLiteral("t"), &error);
    QVERIFY(!error.isError());
    QCOMPARE(cols.size(), 3);
    QCOMPARE(cols.at(0).name, QStringLiteral("a"));
    QCOMPARE(cols.at(0).type, QStringLiteral("INTEGER"));
    QVERIFY(cols.at(0).notNull);
    QCOMPARE(cols.at(0).defaultValue.toString(), QStringLiteral("7"));
    QCOMPARE(cols.at(0).primaryKeyIndex, 2);
    QCOMPARE(cols.at(1).primaryKeyIndex, 1);
    QCOMPARE(cols.at(2).hidden, 2); // generated (virtual)
    QVERIFY(SchemaInfo::readColumns(db, QStringLiteral("absent"), &error).isEmpty());
}

void TestSqlFragment::schemaDdlAndColumnsAgree()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("schema.db"), 1, 1);
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    QVERIFY(!schema.error.isError());
    QVERIFY(schema.isKalito());
    for (const QString &table : KalitoSchema::coreTables()) {
        QVERIFY2(schema.hasTable(table), qPrintable(table));
        QCOMPARE(schema.table(table)->columnNames(), KalitoSchema::columns(table));
        QVERIFY(schema.missingColumns(table).isEmpty());
        QVERIFY(schema.extraColumns(table).isEmpty());
    }
    QCOMPARE(KalitoSchema::columns(QStringLiteral("MESSAGES")),
             KalitoSchema::columns(QStringLiteral("messages")));
    QVERIFY(KalitoSchema::columns(QStringLiteral("sqlite_sequence")).isEmpty());
}

void TestSqlFragment::schemaDdlTextIsTheBackends()
{
    // The text as the backend's init script writes it (kalito-schema.md): derived from the column
    // table, it must not change, since sqlite_schema keeps it and tools compare it.
    const QStringList ddl = KalitoSchema::createStatements();
    QCOMPARE(ddl.size(), 7);
    QCOMPARE(ddl.at(1),
             QStringLiteral("CREATE TABLE IF NOT EXISTS sessions ("
                            "id TEXT PRIMARY KEY, name TEXT, model TEXT, recap TEXT, persona_id TEXT, "
                            "created_at TEXT, updated_at TEXT, saved INTEGER DEFAULT 0, "
                            "session_type TEXT DEFAULT 'chat', patient_id TEXT, related_record_id TEXT, "
                            "care_category TEXT)"));
    QCOMPARE(ddl.at(2), QStringLiteral("CREATE TABLE IF NOT EXISTS messages ("
                                       "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                       "session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE, "
                                       "role TEXT, text TEXT, model_id TEXT, token_usage INTEGER, "
                                       "importance_score REAL DEFAULT 0.5, created_at TEXT)"));
    QVERIFY(ddl.at(3).startsWith(QStringLiteral("CREATE INDEX IF NOT EXISTS idx_messages_session_created ")));
    QVERIFY(
        ddl.at(4).startsWith(QStringLiteral("CREATE INDEX IF NOT EXISTS idx_messages_session_importance")));
}

QTEST_GUILESS_MAIN(TestSqlFragment)
#include "tst_sqlfragment.moc"
