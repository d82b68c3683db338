// TextMatch (the C++ side of the search's matching) against SQLite's own LIKE and GLOB, run as
// MessageSearch runs them: for every case, the whole-text answer and the answer at every position.
#include "database.h"
#include "sqlfragment.h"
#include "testsupport.h"
#include "textmatch.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestTextMatch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void agreesWithSqlite_data();
    void agreesWithSqlite();
    void rangesAreWhereTheNeedleIs();
    void nulEndsTheText();
    void sqlChoiceFollowsTheNeedle();

private:
    bool sqliteContains(const QString &text, const QString &needle);
    bool sqliteMatchesAt(const QString &text, int codePoint, const QString &needle);
    QTemporaryDir m_dir;
    Database m_db;
};

void TestTextMatch::initTestCase()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("m.db"), 1, 1);
    QVERIFY(m_db.open({path}).ok());
}

bool TestTextMatch::sqliteContains(const QString &text, const QString &needle)
{
    // The condition MessageSearch and SessionFind bind, on the text alone.
    const TextMatch match(needle);
    // sql-ok: the condition is one of two constants
    const QString sql = QStringLiteral("SELECT %1").arg(match.sqlCondition(QStringLiteral("?")));
    DbError error;
    const QVariant v = m_db.scalar(sql, {text, match.sqlPattern()}, &error);
    if (error.isError())
        qWarning() << error.toString();
    return v.toInt() == 1;
}

// Does the needle match the text's characters starting at code point `codePoint` (1-based, as
// substr counts)? The pattern without its leading and trailing wildcard, on exactly as many
// characters as the needle has.
bool TestTextMatch::sqliteMatchesAt(const QString &text, int codePoint, const QString &needle)
{
    const TextMatch match(needle);
    QString pattern = match.sqlPattern();
    pattern = pattern.mid(1, pattern.size() - 2);
    // sql-ok: the condition is one of two constants
    const QString sql =
        QStringLiteral("SELECT %1").arg(match.sqlCondition(QStringLiteral("substr(?, ?, ?)")));
    return m_db.scalar(sql, {text, codePoint, int(needle.toUcs4().size()), pattern}).toInt() == 1;
}

void TestTextMatch::agreesWithSqlite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    const QList<QPair<QString, QString>> cases = {
        {QStringLiteral("Mom takes lisinopril 10 mg"), QStringLiteral("LISINOPRIL")},
        {QStringLiteral("aaaa"), QStringLiteral("aa")},
        {QStringLiteral("AbCabcABC"), QStringLiteral("abc")},
        {QStringLiteral("100% sure, 100_ sure"), QStringLiteral("0%")},
        {QStringLiteral("100% sure, 100_ sure"), QStringLiteral("0_")},
        {QStringLiteral("a\\b and a\\\\b"), QStringLiteral("a\\b")},
        {QStringLiteral("it's \"quoted\""), QStringLiteral("'s \"q")},
        {QStringLiteral("the Kelvin sign \u212A is no k, nor is long \u017F an s"), QStringLiteral("k")},
        {QStringLiteral("the Kelvin sign \u212A is no k, nor is long \u017F an s"), QStringLiteral("S")},
        {QStringLiteral("Émile and émile and EMILE"), QStringLiteral("émile")},
        {QStringLiteral("ÉMILE"), QStringLiteral("Émile")},
        {QStringLiteral("straße STRASSE Straße"), QStringLiteral("straße")},
        {QStringLiteral("ΣΊΣΥΦΟΣ σίσυφος σίσυφοσ"), QStringLiteral("σίσυφος")},
        {QStringLiteral("ΣΊΣΥΦΟΣ σίσυφος σίσυφοσ"), QStringLiteral("ΣΊΣΥΦΟΣ")},
        {QStringLiteral("ǆemal ǅemal ǄEMAL"), QStringLiteral("ǆemal")},
        {QStringLiteral("Deseret \U00010400\U00010428 and \U00010428\U00010400"),
         QStringLiteral("\U00010428é")},
        {QStringLiteral("Deseret \U00010400\U00010428 and \U00010428\U00010400"),
         QStringLiteral("\U00010428\U00010400")},
        {QStringLiteral("emoji 🎉🎉 party 🎉"), QStringLiteral("🎉 p")},
        {QStringLiteral("glob chars *?[ in [text] é*"), QStringLiteral("é*")},
        {QStringLiteral("glob chars *?[ in [text] é? é["), QStringLiteral("é[")},
        {QStringLiteral("glob chars *?[ in [text] é? é["), QStringLiteral("é?")},
        {QStringLiteral("brackets ]é] and ^é^ and -é-"), QStringLiteral("]é]")},
        {QStringLiteral("brackets ]é] and ^é^ and -é-"), QStringLiteral("^é^")},
        {QStringLiteral("brackets ]é] and ^é^ and -é-"), QStringLiteral("-é-")},
        {QStringLiteral("مرحبا بالعالم مرحبا"), QStringLiteral("مرحبا")},
        {QStringLiteral("שלום עולם"), QStringLiteral("עולם")},
        {QStringLiteral("東京都の天気は晴れ、東京"), QStringLiteral("東京")},
        {QStringLiteral("e\u0301cole and école"), QStringLiteral("école")}, // no normalisation
        {QStringLiteral("line one\nline two"), QStringLiteral("one\nline")},
        {QStringLiteral("nothing here"), QStringLiteral("absent")},
        {QStringLiteral("ÀÁÂ àáâ"), QStringLiteral("Àáâ")},
        {QStringLiteral("İstanbul istanbul ISTANBUL"), QStringLiteral("İstanbul")},
        {QStringLiteral("ﬁne fine"), QStringLiteral("ﬁ")},
    };
    for (const auto &c : cases)
        QTest::newRow(qPrintable(c.second + QLatin1String(" in ") + c.first.left(20))) << c.first << c.second;
}

void TestTextMatch::agreesWithSqlite()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    const TextMatch match(needle);
    QCOMPARE(match.indexIn(text).start >= 0, sqliteContains(text, needle));
    // At every character: TextMatch says a match starts there exactly when SQLite does.
    int unit = 0;
    int point = 1;
    int matches = 0;
    while (unit < text.size()) {
        const bool sqlite = sqliteMatchesAt(text, point, needle);
        const int length = match.matchAt(text, unit);
        QVERIFY2((length >= 0) == sqlite, qPrintable(QStringLiteral("at %1").arg(unit)));
        matches += sqlite ? 1 : 0;
        unit += text.at(unit).isHighSurrogate() ? 2 : 1;
        ++point;
    }
    // Every match found by findAll is one SQLite agrees with, and none is left out but overlaps.
    const QList<TextRange> ranges = match.findAll(text);
    QVERIFY(ranges.size() <= matches);
    QCOMPARE(ranges.isEmpty(), matches == 0);
}

void TestTextMatch::rangesAreWhereTheNeedleIs()
{
    QCOMPARE(TextMatch::findAll(QStringLiteral("AbCabcABC"), QStringLiteral("abc")),
             (QList<TextRange>{{0, 3}, {3, 3}, {6, 3}}));
    QCOMPARE(TextMatch::findAll(QStringLiteral("aaaa"), QStringLiteral("aa")),
             (QList<TextRange>{{0, 2}, {2, 2}})); // left to right, not overlapping
    // Lengths in UTF-16 units: a code point outside the BMP takes two.
    QCOMPARE(TextMatch::findAll(QStringLiteral("x \U00010400é y"), QStringLiteral("\U00010428É")),
             (QList<TextRange>{{2, 3}}));
    QCOMPARE(TextMatch(QStringLiteral("abc")).findAll(QStringLiteral("abc abc abc"), 2).size(), 2);
    QVERIFY(TextMatch::findAll(QStringLiteral("anything"), QString()).isEmpty());
    QCOMPARE(TextMatch(QStringLiteral("abc")).indexIn(QStringLiteral("abc abc"), 1).start, 4);
}

void TestTextMatch::nulEndsTheText()
{
    const QString text = QStringLiteral("before") + QChar(0) + QStringLiteral("after é");
    QCOMPARE(sqliteContains(text, QStringLiteral("before")), true);
    QCOMPARE(sqliteContains(text, QStringLiteral("after")), false);
    QCOMPARE(sqliteContains(text, QStringLiteral("é")), false);
    QCOMPARE(TextMatch(QStringLiteral("before")).indexIn(text).start, 0);
    QCOMPARE(TextMatch(QStringLiteral("after")).indexIn(text).start, -1);
    QCOMPARE(TextMatch(QStringLiteral("é")).indexIn(text).start, -1);
}

// The one LIKE/GLOB choice that MessageSearch and SessionFind both bind: LIKE with the escaped
// needle for ASCII, GLOB with a class per cased character (and the specials in classes) otherwise.
void TestTextMatch::sqlChoiceFollowsTheNeedle()
{
    const TextMatch ascii(QStringLiteral("50%_off\\"));
    QCOMPARE(ascii.sqlCondition(QStringLiteral("m.text")), QStringLiteral("m.text LIKE ? ESCAPE '\\'"));
    QCOMPARE(ascii.sqlPattern(), SqlFragment::likeContains(ascii.needle()));
    const TextMatch other(QStringLiteral("é*"));
    QCOMPARE(other.sqlCondition(QStringLiteral("m.text")), QStringLiteral("m.text GLOB ?"));
    QCOMPARE(other.sqlPattern(), QStringLiteral("*[éÉ][*]*"));
    QVERIFY(sqliteContains(QStringLiteral("CAFÉ* au lait"), QStringLiteral("é*")));
    QVERIFY(!sqliteContains(QStringLiteral("CAFÉ au lait"), QStringLiteral("é*")));
}

QTEST_MAIN(TestTextMatch)
#include "tst_textmatch.moc"
