// How values reach people: pragma names, the status and checkpoint text, and the Tables page's
// sorted and filtered pages (compared with the same ORDER BY run by SQLite itself).
#include "browse/keysetpager.h"
#include "browse/schemainfo.h"
#include "browse/tablequery.h"
#include "checkpointresult.h"
#include "database.h"
#include "pragmasetting.h"
#include "statusreport.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

namespace {

// Every row of the spec, walking forward in pages of `pageSize` (the last column: the row's id).
QVariantList walk(Database &db, const KeysetSpec &spec, int pageSize)
{
    QVariantList ids;
    RowPage p = KeysetPager::first(db, spec, pageSize);
    while (p.ok() && p.size() > 0) {
        for (const QVariantList &row : p.rows)
            ids << row.value(0);
        p = KeysetPager::after(db, spec, p.keys.last(), pageSize);
    }
    return ids;
}

QVariantList column(Database &db, const QString &sql)
{
    QVariantList values;
    for (const QVariantList &row : db.select(sql).rows)
        values << row.value(0);
    return values;
}

} // namespace

class TestViewText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void pragmaValuesHaveNames_data();
    void pragmaValuesHaveNames();
    void cacheSizeWithPageSize();
    void statusTextNamesPragmasAndAlignsTables();
    void checkpointTextUsesDataSizes();
    void statusCommandOnADemoDatabase();
    void tableSortMatchesSqlite_data();
    void tableSortMatchesSqlite();
    void tableFilterIsLiteralAndCounted();
    void rowKeyOfASortedSpec();

private:
    QString makeMixedTable();
    QTemporaryDir m_dir;
};

void TestViewText::pragmaValuesHaveNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("sync off") << "synchronous"
                              << "0"
                              << "OFF (0)";
    QTest::newRow("sync normal") << "synchronous"
                                 << "1"
                                 << "NORMAL (1)";
    QTest::newRow("sync full") << "synchronous"
                               << "2"
                               << "FULL (2)";
    QTest::newRow("sync extra") << "synchronous"
                                << "3"
                                << "EXTRA (3)";
    QTest::newRow("temp default") << "temp_store"
                                  << "0"
                                  << "DEFAULT (0)";
    QTest::newRow("temp file") << "temp_store"
                               << "1"
                               << "FILE (1)";
    QTest::newRow("temp memory") << "temp_store"
                                 << "2"
                                 << "MEMORY (2)";
    QTest::newRow("journal") << "journal_mode"
                             << "wal"
                             << "WAL";
    QTest::newRow("journal delete") << "journal_mode"
                                    << "delete"
                                    << "DELETE";
    QTest::newRow("fk on") << "foreign_keys"
                           << "1"
                           << "on";
    QTest::newRow("fk off") << "foreign_keys"
                            << "0"
                            << "off";
    QTest::newRow("cache pages") << "cache_size"
                                 << "1000"
                                 << "1000 pages";
    QTest::newRow("cache kib") << "cache_size"
                               << "-2000"
                               << "2000 KiB";
    QTest::newRow("busy") << "busy_timeout"
                          << "5000"
                          << "5000 ms";
    QTest::newRow("unknown") << "page_size"
                             << "4096"
                             << "4096";
    QTest::newRow("unknown sync") << "synchronous"
                                  << "7"
                                  << "7";
}

void TestViewText::pragmaValuesHaveNames()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, shown);
    QCOMPARE(PragmaSetting::describe(name, value), shown);
    const PragmaSetting p{name, value, value, {}, {}};
    QCOMPARE(p.actualText(), shown);
    QCOMPARE(p.expectedText(), shown);
}

void TestViewText::cacheSizeWithPageSize()
{
    QCOMPARE(PragmaSetting::describe(QStringLiteral("cache_size"), QStringLiteral("1000"), 4096),
             QStringLiteral("1000 pages (about 3.91 MiB)"));
    QCOMPARE(PragmaSetting::describe(QStringLiteral("cache_size"), QStringLiteral("-2000"), 4096),
             QStringLiteral("2000 KiB"));
}

void TestViewText::statusTextNamesPragmasAndAlignsTables()
{
    StatusReport r;
    r.path = QStringLiteral("/tmp/x.db");
    r.pragmas
        << PragmaSetting{QStringLiteral("synchronous"), QStringLiteral("1"), QStringLiteral("1"), {}, {}}
        << PragmaSetting{QStringLiteral("temp_store"),
                         QStringLiteral("2"),
                         QStringLiteral("1"),
                         PragmaSetting::Why::KeptOwnValue,
                         {}};
    const QString longName = QStringLiteral("a_table_name_that_is_longer_than_forty_characters");
    QVERIFY(longName.size() > 40);
    r.tables << qMakePair(QStringLiteral("messages"), qint64(123))
             << qMakePair(QStringLiteral("conversation_summaries"), qint64(10000))
             << qMakePair(longName, qint64(7));
    const QString text = r.toText();
    QVERIFY2(text.contains(QStringLiteral("NORMAL (1)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("FILE (1)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MEMORY (2)")), qPrintable(text)); // what the backend expects
    QVERIFY2(text.contains(QStringLiteral("MEMORY (2): SQLite kept its own value)")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("conversation_summaries10000")), qPrintable(text));
    const QStringList lines = text.split(QLatin1Char('\n'));
    QList<int> ends;
    for (const auto &t : std::as_const(r.tables)) {
        const auto it = std::find_if(lines.cbegin(), lines.cend(), [&t](const QString &l) {
            return l.trimmed().startsWith(t.first + QLatin1Char(' '));
        });
        QVERIFY2(it != lines.cend(), qPrintable(text));
        const QStringList parts = it->simplified().split(QLatin1Char(' '));
        QCOMPARE(parts, (QStringList{t.first, QString::number(t.second)}));
        // The name is followed by at least two spaces, and counts are right-aligned.
        QVERIFY2(it->contains(t.first + QStringLiteral("  ")), qPrintable(*it));
        ends << int(it->size());
    }
    QCOMPARE(ends.at(0), ends.at(1));
    QCOMPARE(ends.at(1), ends.at(2));
}

void TestViewText::checkpointTextUsesDataSizes()
{
    CheckpointResult r;
    r.logFrames = 1000;
    r.checkpointedFrames = 1000;
    r.walBytesBefore = 4141272;
    r.walBytesAfter = 0;
    const QString text = r.toText();
    QVERIFY2(text.contains(QStringLiteral("3.95 MiB")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("4141272 bytes")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("0 bytes")), qPrintable(text));
}

void TestViewText::statusCommandOnADemoDatabase()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("status.db"), 3, 4);
    const test::Run run = test::inspector({QStringLiteral("status"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n  synchronous +NORMAL \\(1\\)\\n"))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(QStringLiteral("\\n  conversation_summaries {2,}\\d+\\n"))),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QRegularExpression(
                 QStringLiteral("\\n  -wal +[0-9.]+ (bytes|KiB \\(\\d+ bytes\\)|MiB \\(\\d+ bytes\\))\\n"))),
             qPrintable(run.out));
}

QString TestViewText::makeMixedTable()
{
    const QString path = m_dir.filePath(QStringLiteral("mixed.db"));
    if (QFile::exists(path))
        return path;
    // Duplicates, NULLs, mixed types, text with % and _: every sort and filter edge at once.
    test::sqlite3(
        path, QStringLiteral(
                  "CREATE TABLE t (id INTEGER PRIMARY KEY, score REAL, label TEXT, n INTEGER NOT NULL);"
                  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 250) "
                  "INSERT INTO t (score, label, n) SELECT "
                  "CASE WHEN x % 7 = 0 THEN NULL ELSE (x % 13) * 0.1 END, "
                  "CASE WHEN x % 5 = 0 THEN NULL WHEN x % 11 = 0 THEN '50% off_' || x "
                  "ELSE 'row ' || (x % 17) END, x % 9 FROM c;"
                  "CREATE TABLE kv (a TEXT, b INTEGER, v, PRIMARY KEY (a, b)) WITHOUT ROWID;"
                  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 60) "
                  "INSERT INTO kv SELECT char(97 + x % 3), x, CASE WHEN x % 4 = 0 THEN NULL ELSE x % 5 END "
                  "FROM c;"));
    return path;
}

void TestViewText::tableSortMatchesSqlite_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("sortColumn");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("nullable real asc") << "t"
                                       << "score" << false << "score, rowid" << 7;
    QTest::newRow("nullable real desc") << "t"
                                        << "score" << true << "score DESC, rowid DESC" << 7;
    QTest::newRow("nullable text asc") << "t"
                                       << "label" << false << "label, rowid" << 10;
    QTest::newRow("nullable text desc") << "t"
                                        << "label" << true << "label DESC, rowid DESC" << 3;
    QTest::newRow("not null asc") << "t"
                                  << "n" << false << "n, rowid" << 11;
    QTest::newRow("not null desc") << "t"
                                   << "n" << true << "n DESC, rowid DESC" << 11;
    QTest::newRow("pk desc") << "t"
                             << "id" << true << "id DESC" << 50;
    QTest::newRow("without rowid asc") << "kv"
                                       << "v" << false << "v, a, b" << 4;
    QTest::newRow("without rowid desc") << "kv"
                                        << "v" << true << "v DESC, a DESC, b DESC" << 4;
}

void TestViewText::tableSortMatchesSqlite()
{
    QFETCH(QString, table);
    QFETCH(QString, sortColumn);
    QFETCH(bool, descending);
    QFETCH(QString, orderBy);
    QFETCH(int, pageSize);
    Database db;
    QVERIFY(db.open({makeMixedTable()}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const TableInfo *t = schema.table(table);
    QVERIFY(t);
    const KeysetSpec spec = TableQuery::spec(*t, TableSort{sortColumn, descending});
    QVERIFY(spec.isValid());
    const QString first = TableQuery::shownColumns(*t).first();
    // sql-ok: test constants
    const QVariantList expected =
        column(db, QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(first, table, orderBy));
    QCOMPARE(expected.size(), table == QLatin1String("t") ? 250 : 60);
    QCOMPARE(walk(db, spec, pageSize), expected);
    // And backwards from the end, as a scrollbar jump to the bottom reads it.
    RowPage last = KeysetPager::last(db, spec, pageSize);
    QVariantList tail;
    for (const QVariantList &row : last.rows)
        tail << row.value(0);
    QCOMPARE(tail, expected.mid(expected.size() - pageSize));
    const RowPage before = KeysetPager::before(db, spec, last.keys.first(), pageSize);
    QVariantList previous;
    for (const QVariantList &row : before.rows)
        previous << row.value(0);
    QCOMPARE(previous, expected.mid(expected.size() - 2 * pageSize, pageSize));
}

void TestViewText::tableFilterIsLiteralAndCounted()
{
    Database db;
    QVERIFY(db.open({makeMixedTable()}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const TableInfo *t = schema.table(QStringLiteral("t"));
    struct Case
    {
        QString text;
        QString where;
    };
    const QList<Case> cases = {
        {QStringLiteral("50%"), QStringLiteral("instr(label, '50%') > 0")},
        {QStringLiteral("off_"), QStringLiteral("instr(label, 'off_') > 0")},
        {QStringLiteral("ROW 1"), QStringLiteral("instr(lower(label), 'row 1') > 0")},
        // Numbers match through their text, in any shown column (id 12, n never 12, score 1.2).
        {QStringLiteral("12"), QStringLiteral("instr(id, '12') > 0 OR instr(score, '12') > 0 OR "
                                              "instr(label, '12') > 0 OR instr(n, '12') > 0")},
        {QStringLiteral("%_\\'"), QStringLiteral("0")},
    };
    for (const Case &c : cases) {
        const KeysetSpec spec = TableQuery::spec(*t, TableSort{QStringLiteral("label"), false}, c.text);
        // sql-ok: test constants
        const QVariantList expected =
            column(db, QStringLiteral("SELECT id FROM t WHERE %1 ORDER BY label, rowid").arg(c.where));
        QCOMPARE(walk(db, spec, 6), expected);
        QCOMPARE(KeysetPager::count(db, spec), qint64(expected.size()));
    }
    QVERIFY(!column(db, QStringLiteral("SELECT id FROM t WHERE instr(label, '50%') > 0")).isEmpty());
}

void TestViewText::rowKeyOfASortedSpec()
{
    Database db;
    QVERIFY(db.open({makeMixedTable()}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    for (const QString &name : {QStringLiteral("t"), QStringLiteral("kv")}) {
        const TableInfo *t = schema.table(name);
        const KeysetSpec spec = TableQuery::spec(*t, TableSort{t->columns.at(2).name, true}, QString());
        const RowPage p = KeysetPager::first(db, spec, 5);
        QCOMPARE(p.size(), 5);
        for (int i = 0; i < p.size(); ++i) {
            const SqlResult full = TableQuery::row(db, *t, TableQuery::rowKey(*t, p.keys.at(i)));
            QCOMPARE(full.rows.size(), 1);
            QCOMPARE(full.value(0, 0), p.rows.at(i).value(0));
        }
    }
}

QTEST_GUILESS_MAIN(TestViewText)
#include "tst_viewtext.moc"
