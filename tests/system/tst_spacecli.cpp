// `kalito-inspector space` as a script or a person runs it (issue 23): the text, the --json fields,
// the same figures as sqlite3_analyzer's headline, the exit codes and bad input as the other
// subcommands, and nothing written to the file.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestSpaceCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void textReport();
    void jsonReport();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestSpaceCli::initTestCase()
{
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 8, 30);
    QVERIFY(!m_path.isEmpty());
    // A freelist to report: half the messages deleted, then the pages they freed.
    int code = -1;
    test::sqlite3(m_path,
                  QStringLiteral("PRAGMA journal_mode = DELETE; DELETE FROM messages WHERE id % 2 = 0;"),
                  &code);
    QCOMPARE(code, 0);
}

void TestSpaceCli::textReport()
{
    const QByteArray before = test::sha256(m_path);
    const test::Run r = test::inspector({QStringLiteral("space"), m_path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("VACUUM gives back at least")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Tables with their indexes, largest first")));
    QVERIFY(r.out.contains(QStringLiteral("messages (all)")));
    QVERIFY(r.out.contains(QStringLiteral("idx_messages_session_created")));
    QVERIFY(r.out.contains(QStringLiteral("Sessions holding the most message text")));
    QVERIFY(r.out.contains(QStringLiteral("Largest messages")));
    // The largest table comes first.
    const int messages = int(r.out.indexOf(QStringLiteral("messages (all)")));
    QVERIFY(messages > 0 && messages < r.out.indexOf(QStringLiteral("sessions (all)")));
    QCOMPARE(test::sha256(m_path), before); // read-only: nothing written
}

void TestSpaceCli::jsonReport()
{
    const test::Run r =
        test::inspector({QStringLiteral("space"), QStringLiteral("--json"), QStringLiteral("--by-session"),
                         QStringLiteral("3"), QStringLiteral("--largest"), QStringLiteral("2"), m_path});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject file = o.value(QStringLiteral("file")).toObject();
    // The headline agrees with sqlite3_analyzer's.
    QProcess analyzer;
    analyzer.start(QStringLiteral("sqlite3_analyzer"), {m_path});
    QVERIFY(analyzer.waitForFinished(60000));
    const QString report = QString::fromUtf8(analyzer.readAllStandardOutput());
    auto stat = [&](const QString &title) {
        const int at = int(report.indexOf(title));
        const QString line = report.mid(at, report.indexOf(QLatin1Char('\n'), at) - at);
        static const QRegularExpression value(QStringLiteral("\\.\\.+ *(\\d+)"));
        return value.match(line).captured(1).toLongLong();
    };
    QCOMPARE(file.value(QStringLiteral("page_count")).toInteger(),
             stat(QStringLiteral("Pages in the whole file (measured)")));
    QCOMPARE(file.value(QStringLiteral("freelist_pages")).toInteger(),
             stat(QStringLiteral("Pages on the freelist (per header)")));
    QVERIFY(file.value(QStringLiteral("freelist_pages")).toInteger() > 0);
    QCOMPARE(file.value(QStringLiteral("user_payload_bytes")).toInteger(),
             stat(QStringLiteral("Bytes of user payload stored")));
    QCOMPARE(file.value(QStringLiteral("vacuum_gives_back_at_least_bytes")).toInteger(),
             file.value(QStringLiteral("freelist_pages")).toInteger() *
                 file.value(QStringLiteral("page_size")).toInteger());
    QCOMPARE(file.value(QStringLiteral("wal_exists")).toBool(), false);
    const QJsonArray tables = o.value(QStringLiteral("tables")).toArray();
    QVERIFY(!tables.isEmpty());
    const QJsonObject first = tables.first().toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("messages"));
    QCOMPARE(first.value(QStringLiteral("indexes")).toArray().size(), 2);
    qint64 pages = 0;
    for (const QJsonValue &t : tables)
        pages += t.toObject().value(QStringLiteral("pages_with_indexes")).toInteger();
    QCOMPARE(pages, file.value(QStringLiteral("used_pages")).toInteger());
    const QJsonObject messages = o.value(QStringLiteral("messages")).toObject();
    QVERIFY(messages.value(QStringLiteral("scanned")).toBool());
    QCOMPARE(messages.value(QStringLiteral("top_sessions")).toArray().size(), 3);
    QCOMPARE(messages.value(QStringLiteral("largest")).toArray().size(), 2);
    QCOMPARE(messages.value(QStringLiteral("count")).toInteger(),
             test::sqlite3(m_path, QStringLiteral("SELECT count(*) FROM messages;")).toLongLong());
    const QJsonObject scan = o.value(QStringLiteral("scan")).toObject();
    QVERIFY(scan.value(QStringLiteral("complete")).toBool());
    QVERIFY(scan.value(QStringLiteral("steps")).toInt() > 1);
}

void TestSpaceCli::badInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    const QString dir = m_dir.path();
    QFile text(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a database at all, just some text that is longer than a header\n");
    text.close();
    QTest::newRow("directory") << QStringList{QStringLiteral("space"), dir} << QStringLiteral("directory");
    QTest::newRow("text file") << QStringList{QStringLiteral("space"), text.fileName()}
                               << QStringLiteral("not a SQLite database");
    QTest::newRow("missing") << QStringList{QStringLiteral("space"),
                                            m_dir.filePath(QStringLiteral("missing.db"))}
                             << QStringLiteral("does not exist");
    QTest::newRow("bad --by-session") << QStringList{QStringLiteral("space"), QStringLiteral("--by-session"),
                                                     QStringLiteral("many"), m_path}
                                      << QStringLiteral("--by-session needs a number");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("space"), QStringLiteral("--frobnicate"),
                                                   m_path}
                                    << QStringLiteral("frobnicate");
    QTest::newRow("two paths") << QStringList{QStringLiteral("space"), m_path, m_path}
                               << QStringLiteral("one database PATH");
}

void TestSpaceCli::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    const test::Run r = test::inspector(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(said), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.db")))); // the open never creates it
}

QTEST_GUILESS_MAIN(TestSpaceCli)
#include "tst_spacecli.moc"
