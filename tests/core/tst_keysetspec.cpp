// KeysetSpec writes every statement of a keyset walk from its structure (the table, the keys with
// their direction and whether they can be NULL): what it writes for each kind of key, and walks of
// a real table in every such order against ORDER BY. PageCheck reads the table alone from the same
// spec, in the spec's order.
#include "browse/keysetpager.h"
#include "browse/pagecheck.h"
#include "browse/pageplan.h"
#include "browse/schemainfo.h"
#include "browse/tablequery.h"
#include "database.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

using Key = KeysetSpec::Key;
using Bound = KeysetSpec::Bound;

class TestKeysetSpec : public QObject
{
    Q_OBJECT
private slots:
    void writesTheKeys_data();
    void writesTheKeys();
    void theTableAloneAndTheCount();
    void everyWalkMatchesOrderBy_data();
    void everyWalkMatchesOrderBy();
    void aDamagedIndexReadDescendingShowsTheTableInThatOrder();

private:
    QTemporaryDir m_dir;
};

namespace {

KeysetSpec specOf(const QList<Key> &keys, bool descending)
{
    KeysetSpec s;
    s.table.name = QStringLiteral("t");
    s.select = {QStringLiteral("id")};
    s.keys = keys;
    s.descending = descending;
    return s;
}

} // namespace

void TestKeysetSpec::writesTheKeys_data()
{
    QTest::addColumn<QList<Key>>("keys");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("after");  // the condition of rows after the key (a, b) or (a)
    QTest::addColumn<QString>("before"); // and of rows before it

    const Key a{QStringLiteral("a")};
    const Key aDesc{QStringLiteral("a"), true};
    const Key aNull{QStringLiteral("a"), false, true};
    const Key aDescNull{QStringLiteral("a"), true, true};
    const Key id{QStringLiteral("id")};
    const QString nn = QStringLiteral("(a IS NOT NULL), coalesce(a, 0)");

    QTest::newRow("one key, ascending")
        << QList<Key>{a} << false << QStringLiteral("a") << QStringLiteral(" ORDER BY a ASC")
        << QStringLiteral("a > ?") << QStringLiteral("a < ?");
    QTest::newRow("one key, the spec descending")
        << QList<Key>{a} << true << QStringLiteral("a") << QStringLiteral(" ORDER BY a DESC")
        << QStringLiteral("a < ?") << QStringLiteral("a > ?");
    QTest::newRow("one key descending")
        << QList<Key>{aDesc} << false << QStringLiteral("a") << QStringLiteral(" ORDER BY a DESC")
        << QStringLiteral("a < ?") << QStringLiteral("a > ?");
    QTest::newRow("a descending key, the spec descending")
        << QList<Key>{aDesc} << true << QStringLiteral("a") << QStringLiteral(" ORDER BY a ASC")
        << QStringLiteral("a > ?") << QStringLiteral("a < ?");
    QTest::newRow("two keys, ascending")
        << QList<Key>{a, id} << false << QStringLiteral("a, id") << QStringLiteral(" ORDER BY a ASC, id ASC")
        << QStringLiteral("(a, id) > (?, ?)") << QStringLiteral("(a, id) < (?, ?)");
    QTest::newRow("two keys, the spec descending")
        << QList<Key>{a, id} << true << QStringLiteral("a, id") << QStringLiteral(" ORDER BY a DESC, id DESC")
        << QStringLiteral("(a, id) < (?, ?)") << QStringLiteral("(a, id) > (?, ?)");
    QTest::newRow("nullable, ascending")
        << QList<Key>{aNull, id} << false << nn + QStringLiteral(", id")
        << QStringLiteral(" ORDER BY (a IS NOT NULL) ASC, coalesce(a, 0) ASC, id ASC")
        << QStringLiteral("((a IS NOT NULL), coalesce(a, 0), id) > (?, ?, ?)")
        << QStringLiteral("((a IS NOT NULL), coalesce(a, 0), id) < (?, ?, ?)");
    QTest::newRow("nullable, the spec descending")
        << QList<Key>{aNull, id} << true << nn + QStringLiteral(", id")
        << QStringLiteral(" ORDER BY (a IS NOT NULL) DESC, coalesce(a, 0) DESC, id DESC")
        << QStringLiteral("((a IS NOT NULL), coalesce(a, 0), id) < (?, ?, ?)")
        << QStringLiteral("((a IS NOT NULL), coalesce(a, 0), id) > (?, ?, ?)");
    // Mixed directions: no row value says it, the comparison is written out part by part.
    QTest::newRow("descending then ascending")
        << QList<Key>{aDesc, id} << false << QStringLiteral("a, id")
        << QStringLiteral(" ORDER BY a DESC, id ASC") << QStringLiteral("((a < ?) OR (a = ? AND id > ?))")
        << QStringLiteral("((a > ?) OR (a = ? AND id < ?))");
    QTest::newRow("nullable descending then ascending")
        << QList<Key>{aDescNull, id} << false << nn + QStringLiteral(", id")
        << QStringLiteral(" ORDER BY (a IS NOT NULL) DESC, coalesce(a, 0) DESC, id ASC")
        << QStringLiteral("(((a IS NOT NULL) < ?) OR ((a IS NOT NULL) = ? AND coalesce(a, 0) < ?) OR "
                          "((a IS NOT NULL) = ? AND coalesce(a, 0) = ? AND id > ?))")
        << QStringLiteral("(((a IS NOT NULL) > ?) OR ((a IS NOT NULL) = ? AND coalesce(a, 0) > ?) OR "
                          "((a IS NOT NULL) = ? AND coalesce(a, 0) = ? AND id < ?))");
}

void TestKeysetSpec::writesTheKeys()
{
    QFETCH(QList<Key>, keys);
    QFETCH(bool, descending);
    QFETCH(QString, columns);
    QFETCH(QString, order);
    QFETCH(QString, after);
    QFETCH(QString, before);
    const KeysetSpec spec = specOf(keys, descending);
    QCOMPARE(spec.keyColumns().join(QStringLiteral(", ")), columns);
    const int n = int(spec.keyColumns().size());
    QVariantList key;
    for (int i = 0; i < n; ++i)
        key << i + 1;

    const KeysetSpec::Statement first = spec.rows(Bound::None, {}, false, 10);
    QCOMPARE(first.sql, QStringLiteral("SELECT ") + columns + QStringLiteral(", id FROM \"t\"") + order +
                            QStringLiteral(" LIMIT ?"));
    QCOMPARE(first.binds, QVariantList{10});
    const KeysetSpec::Statement next = spec.rows(Bound::After, key, false, 10);
    QCOMPARE(next.sql, QStringLiteral("SELECT ") + columns + QStringLiteral(", id FROM \"t\" WHERE ") +
                           after + order + QStringLiteral(" LIMIT ?"));
    const KeysetSpec::Statement previous = spec.count(Bound::Before, key);
    QCOMPARE(previous.sql, QStringLiteral("SELECT count(*) FROM \"t\" WHERE ") + before);
    // The key's values, in the order of the ?s: once for a row value, part by part otherwise.
    const int placeholders = int(after.count(QLatin1Char('?')));
    QCOMPARE(int(next.binds.size()), placeholders + 1);
    QCOMPARE(next.binds.first(), key.first());
    QCOMPARE(int(previous.binds.size()), placeholders);
    // The same spec reversed (a last page) orders every key the other way.
    const KeysetSpec::Statement last = spec.rows(Bound::None, {}, true, 10);
    QString reversed = order;
    reversed.replace(QStringLiteral(" ASC"), QStringLiteral(" X"))
        .replace(QStringLiteral(" DESC"), QStringLiteral(" ASC"))
        .replace(QStringLiteral(" X"), QStringLiteral(" DESC"));
    QVERIFY2(last.sql.endsWith(reversed + QStringLiteral(" LIMIT ?")), qPrintable(last.sql));
}

void TestKeysetSpec::theTableAloneAndTheCount()
{
    KeysetSpec spec = specOf({Key{QStringLiteral("m.id")}}, false);
    spec.table.name = QStringLiteral("my messages");
    spec.table.alias = QStringLiteral("m");
    spec.joins = QStringLiteral("LEFT JOIN p ON p.id = m.p");
    spec.where = QStringLiteral("m.s = ?");
    spec.binds = {QStringLiteral("s1")};
    spec.select = {QStringLiteral("m.id"), QStringLiteral("m.text GLOB ?")};
    spec.selectBinds = {QStringLiteral("*x*")};
    QVERIFY(spec.canReadAlone());
    QVERIFY(!spec.countsInSteps());
    const KeysetSpec alone = spec.tableAlone();
    QVERIFY(!alone.canReadAlone());
    QCOMPARE(alone.count().sql,
             QStringLiteral("SELECT count(*) FROM \"my messages\" m NOT INDEXED LEFT JOIN p ON "
                            "p.id = m.p WHERE (m.s = ?)"));
    QCOMPARE(
        spec.count().sql,
        QStringLiteral("SELECT count(*) FROM \"my messages\" m LEFT JOIN p ON p.id = m.p WHERE (m.s = ?)"));
    QCOMPARE(spec.count().binds, QVariantList{QStringLiteral("s1")});
    // The select's values come first, then the filter's, the key's and the limit.
    QCOMPARE(spec.rows(Bound::After, {7}, false, 5).binds,
             (QVariantList{QStringLiteral("*x*"), QStringLiteral("s1"), 7, 5}));

    KeysetSpec view = specOf({Key{QStringLiteral("id")}}, false);
    view.table.view = true;
    QVERIFY(!view.canReadAlone());
    KeysetSpec rowids = specOf({Key{QStringLiteral("rowid")}}, false);
    rowids.table.rowid = QStringLiteral("rowid");
    QVERIFY(rowids.countsInSteps());
    QVERIFY(!rowids.tableAlone().countsInSteps());
}

void TestKeysetSpec::everyWalkMatchesOrderBy_data()
{
    QTest::addColumn<QList<Key>>("keys");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("orderBy"); // the same order written for SQLite
    const Key g{QStringLiteral("g")};
    const Key gDesc{QStringLiteral("g"), true};
    const Key n{QStringLiteral("n"), false, true};
    const Key nDesc{QStringLiteral("n"), true, true};
    const Key id{QStringLiteral("id")};
    const Key idDesc{QStringLiteral("id"), true};
    QTest::newRow("g, id") << QList<Key>{g, id} << false << QStringLiteral("g, id");
    QTest::newRow("g, id descending") << QList<Key>{g, id} << true << QStringLiteral("g DESC, id DESC");
    QTest::newRow("g desc, id") << QList<Key>{gDesc, id} << false << QStringLiteral("g DESC, id");
    QTest::newRow("g, id desc") << QList<Key>{g, idDesc} << false << QStringLiteral("g, id DESC");
    QTest::newRow("g desc, id; descending") << QList<Key>{gDesc, id} << true << QStringLiteral("g, id DESC");
    QTest::newRow("nullable n, id") << QList<Key>{n, id} << false << QStringLiteral("n, id");
    QTest::newRow("nullable n, id descending")
        << QList<Key>{n, id} << true << QStringLiteral("n DESC, id DESC");
    QTest::newRow("nullable n desc, id") << QList<Key>{nDesc, id} << false << QStringLiteral("n DESC, id");
    QTest::newRow("g, nullable n desc, id")
        << QList<Key>{g, nDesc, id} << false << QStringLiteral("g, n DESC, id");
}

void TestKeysetSpec::everyWalkMatchesOrderBy()
{
    QFETCH(QList<Key>, keys);
    QFETCH(bool, descending);
    QFETCH(QString, orderBy);
    const QString path = m_dir.filePath(QStringLiteral("walk.db"));
    if (!QFileInfo::exists(path)) {
        // g repeats (ties broken by id); n is NULL every fourth row and repeats too.
        test::sqlite3(path,
                      QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, g INTEGER NOT NULL, n TEXT);"
                                     "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                                     "WHERE i < 61) INSERT INTO t SELECT i, i % 5, CASE WHEN i % 4 = 0 "
                                     "THEN NULL ELSE 'v' || (i % 7) END FROM c;"));
    }
    Database db;
    QVERIFY(db.open({path}).ok());
    QList<qint64> expected;
    // sql-ok: the order is the test's constant
    for (const QVariantList &row : db.select(QStringLiteral("SELECT id FROM t ORDER BY ") + orderBy).rows)
        expected << row.value(0).toLongLong();
    QCOMPARE(expected.size(), 61);
    const KeysetSpec spec = specOf(keys, descending);
    auto idsOf = [](const RowPage &p) {
        QList<qint64> ids;
        for (const QVariantList &row : p.rows)
            ids << row.value(0).toLongLong();
        return ids;
    };
    // Forward in pages of 4, backward in pages of 4 from the end.
    QList<qint64> forward;
    RowPage p = KeysetPager::first(db, spec, 4);
    while (p.ok() && p.size() > 0) {
        forward += idsOf(p);
        p = KeysetPager::after(db, spec, p.keys.last(), 4);
    }
    QVERIFY2(p.ok(), qPrintable(p.error.toString()));
    QCOMPARE(forward, expected);
    QList<qint64> backward;
    p = KeysetPager::last(db, spec, 4);
    while (p.ok() && p.size() > 0) {
        backward = idsOf(p) + backward;
        p = KeysetPager::before(db, spec, p.keys.first(), 4);
    }
    QCOMPARE(backward, expected);
    // Seeks land where the order says, and a key's position is the rows before it.
    for (int d : {0, 1, 13, 60}) {
        const QVariantList key = KeysetPager::seek(db, spec, {}, true, d);
        QCOMPARE(KeysetPager::after(db, spec, key, 1, true).rows.value(0).value(0).toLongLong(),
                 expected.at(d));
        QCOMPARE(KeysetPager::countBefore(db, spec, key), qint64(d));
        const QVariantList back = KeysetPager::seek(db, spec, key, false, d);
        QCOMPARE(KeysetPager::countBefore(db, spec, back), qint64(0));
    }
}

void TestKeysetSpec::aDamagedIndexReadDescendingShowsTheTableInThatOrder()
{
    // idx_t_k built without every fifth row, then declared whole (as tst_scenario_damaged does for
    // the transcript): a page read through it lacks rows that the table has.
    const QString path = m_dir.filePath(QStringLiteral("damaged.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, k INTEGER NOT NULL, v TEXT);"
                                       "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                                       "WHERE i < 40) INSERT INTO t SELECT i, i * 3 % 17, 'v' || i FROM c;"
                                       "CREATE INDEX idx_t_k ON t(k) WHERE id % 5 <> 0;"
                                       "PRAGMA writable_schema = ON;"
                                       "UPDATE sqlite_master SET sql = 'CREATE INDEX idx_t_k ON t(k)' "
                                       "WHERE name = 'idx_t_k';"));
    QCOMPARE(test::sqlite3(path, QStringLiteral("PRAGMA quick_check;")), QStringLiteral("ok"));
    Database db;
    QVERIFY(db.open({path}).ok());
    const SchemaInfo schema = SchemaInfo::read(db);
    const TableInfo *t = schema.table(QStringLiteral("t"));
    QVERIFY(t);
    const KeysetSpec spec = TableQuery::spec(*t, TableSort{QStringLiteral("k"), true});
    QVERIFY(spec.descending);
    QVERIFY(spec.canReadAlone());
    QVERIFY2(PageCheck::indexesUsed(db, spec, false).contains(QStringLiteral("idx_t_k")),
             qPrintable(PageCheck::indexesUsed(db, spec, false).join(QLatin1Char(','))));

    // The rows as the table holds them, in the spec's order: k descending, then rowid descending.
    QList<qint64> expected;
    for (const QVariantList &row :
         db.select(QStringLiteral("SELECT id FROM t NOT INDEXED ORDER BY k DESC, id DESC LIMIT 10")).rows)
        expected << row.value(0).toLongLong();
    const RowPage indexed = KeysetPager::first(db, spec, 10);
    QList<qint64> throughIndex;
    for (const QVariantList &key : indexed.keys)
        throughIndex << key.last().toLongLong();
    QVERIFY2(throughIndex != expected, "the damaged index should lack rows of the first page");

    PagePlan plan;
    plan.kind = PagePlan::Kind::First;
    plan.pageSize = 10;
    const RowPage checked = PageCheck::recheck(db, spec, plan);
    QVERIFY2(checked.ok(), qPrintable(checked.error.toString()));
    QList<qint64> got;
    for (const QVariantList &key : checked.keys)
        got << key.last().toLongLong();
    QCOMPARE(got, expected);
    QCOMPARE(checked.count, qint64(40));
    QVERIFY(checked.damage.reason == DbError::Reason::IndexDisagrees);
    QCOMPARE(checked.damage.args.value(0), QStringLiteral("idx_t_k"));
    QCOMPARE(checked.damage.args.value(1), QStringLiteral("t"));
}

QTEST_MAIN(TestKeysetSpec)
#include "tst_keysetspec.moc"
