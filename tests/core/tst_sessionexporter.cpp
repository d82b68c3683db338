#include "connection.h"
#include "database.h"
#include "exportjob.h"
#include "sessionexporter.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

namespace {

const QString kSession = QStringLiteral("tricky-\"session\"");

// A small RFC 4180 reader: quoted fields may hold commas, CR, LF and doubled quotes.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString s = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c; // a bare LF outside quotes would be a writer bug: it stays in the field
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QByteArray readFile(const QString &path)
{
    QFile f(path); // an export file, never the database
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString asText(const QVariant &v)
{
    if (v.isNull())
        return QString();
    if (v.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(v.toByteArray().toBase64());
    return v.toString();
}

} // namespace

class TestSessionExporter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonRoundTrip();
    void csvRoundTrip();
    void csvByteOrderMarkOnRequest();
    void markdownHoldsEveryText();
    void keysetPagesKeepOrderWithSharedTimestamps();
    void encoders();
    void refusesTheDatabaseFiles();
    void unknownSessionIsAnError();
    void jobThroughTheConnection();
    void cancelledJobLeavesNoFile();
    void anotherDatabaseOpenedStopsTheJob();

private:
    ExportResult exportTo(ExportFormat format, const QString &name, int pageSize = 3, bool bom = false);

    QTemporaryDir m_dir;
    QString m_db;
    QStringList m_columns;
    QList<QVariantList> m_rows; // expected, in (created_at, rowid) order
    QVariantList m_session;
    QStringList m_sessionColumns;
};

void TestSessionExporter::initTestCase()
{
    m_db = test::makeKalitoDb(m_dir.path(), QStringLiteral("export.db"), 3, 5);
    Database db;
    QVERIFY(db.open({m_db}).ok());
    QVERIFY(
        !db.execute(QStringLiteral("ALTER TABLE messages ADD COLUMN extra_note")).isError()); // schema drift
    QVERIFY(
        !db.execute(QStringLiteral("INSERT INTO sessions (id, name, model, created_at) VALUES (?, ?, ?, ?)"),
                    {kSession, QStringLiteral("Quotes \"and\" <i>HTML</i>, commas\nand 🎉"),
                     QStringLiteral("gpt-4o"), QStringLiteral("2024-05-01T09:00:00Z")})
             .isError());
    const QStringList texts = {
        QStringLiteral("<b>bold</b> <script>alert(\"x\")</script> &amp;"),
        QStringLiteral("He said \"hi\", then left"),
        QStringLiteral("line1\nline2\r\nline3\n"),
        QStringLiteral("emoji \U0001F389\U0001F469\u200D\U0001F469\u200D\U0001F467 and RTL مرحبا שלום"),
        QStringLiteral("tab\there, back\\slash, control \x01 char"),
        QString(), // NULL
        QStringLiteral(""),
        QStringLiteral("=SUM(A1:A2)"),
        QStringLiteral("# not a heading of ours\n\n```\ncode\n```"),
        QStringLiteral("same time A"),
        QStringLiteral("same time B"),
        QStringLiteral("same time C"),
        QStringLiteral("same time D"),
        QStringLiteral("same time E"),
    };
    for (int i = 0; i < texts.size(); ++i) {
        // Two without a time, several sharing one, the rest in reverse insertion order.
        QVariant created = i < 2 ? QVariant()
                                 : (i >= 9 ? QVariant(QStringLiteral("2024-05-01T10:00:00Z"))
                                           : QVariant(QStringLiteral("2024-05-01T11:00:%1Z").arg(60 - i)));
        const QVariant text =
            texts.at(i).isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(texts.at(i));
        QVERIFY(!db.execute(QStringLiteral(
                                "INSERT INTO messages (session_id, role, text, model_id, token_usage, "
                                "importance_score, created_at, extra_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                            {kSession, i % 2 ? QStringLiteral("assistant") : QStringLiteral("user"), text,
                             QStringLiteral("gpt-4o"), 10 + i, 0.25 * i, created,
                             i == 3 ? QVariant(QByteArray("\x00\xff\x10", 3))
                                    : QVariant(QStringLiteral("note %1").arg(i))})
                     .isError());
    }
    const SqlResult cols = db.select(QStringLiteral("SELECT name FROM pragma_table_xinfo('messages')"));
    for (const QVariantList &r : cols.rows)
        m_columns << r.value(0).toString();
    QVERIFY(m_columns.contains(QStringLiteral("extra_note")));
    QStringList quoted;
    for (const QString &c : m_columns)
        quoted << Database::quoteIdentifier(c);
    const SqlResult rows =
        db.select(QStringLiteral("SELECT %1 FROM messages WHERE session_id = ? ORDER BY created_at, rowid")
                      .arg(quoted.join(QLatin1Char(','))),
                  {kSession});
    QVERIFY(rows.ok());
    m_rows = rows.rows;
    QCOMPARE(m_rows.size(), texts.size());
    const SqlResult session = db.select(QStringLiteral("SELECT * FROM sessions WHERE id = ?"), {kSession});
    m_sessionColumns = session.columns;
    m_session = session.rows.value(0);
    db.close();
}

ExportResult TestSessionExporter::exportTo(ExportFormat format, const QString &name, int pageSize, bool bom)
{
    Database db;
    if (!db.open({m_db}).ok())
        return {};
    ExportOptions o;
    o.sessionId = kSession;
    o.path = m_dir.filePath(name);
    o.format = format;
    o.pageSize = pageSize;
    o.csvByteOrderMark = bom;
    const ExportResult r = SessionExporter::exportSession(db, o);
    db.close();
    return r;
}

void TestSessionExporter::jsonRoundTrip()
{
    const ExportResult r = exportTo(ExportFormat::Json, QStringLiteral("s.json"));
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.messages, qint64(m_rows.size()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(r.path), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.keys(), (QStringList{QStringLiteral("messages"), QStringLiteral("session")}));
    const QJsonObject session = root.value(QStringLiteral("session")).toObject();
    QCOMPARE(session.size(), m_sessionColumns.size());
    for (int i = 0; i < m_sessionColumns.size(); ++i)
        QCOMPARE(session.value(m_sessionColumns.at(i)).toVariant().toString(), asText(m_session.at(i)));
    const QJsonArray messages = root.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.size(), m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        const QJsonObject m = messages.at(row).toObject();
        QCOMPARE(m.size(), m_columns.size());
        for (int c = 0; c < m_columns.size(); ++c) {
            const QVariant want = m_rows.at(row).at(c);
            const QJsonValue got = m.value(m_columns.at(c));
            if (want.isNull())
                QVERIFY2(got.isNull(), qPrintable(m_columns.at(c)));
            else if (want.typeId() == QMetaType::LongLong || want.typeId() == QMetaType::Int)
                QCOMPARE(got.toInteger(), want.toLongLong());
            else if (want.typeId() == QMetaType::Double)
                QCOMPARE(got.toDouble(), want.toDouble());
            else
                QCOMPARE(got.toString(), asText(want));
        }
    }
}

void TestSessionExporter::csvRoundTrip()
{
    const ExportResult r = exportTo(ExportFormat::Csv, QStringLiteral("s.csv"));
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    const QByteArray bytes = readFile(r.path);
    QVERIFY(!bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.endsWith("\r\n"));
    const QList<QStringList> rows = parseCsv(bytes);
    QCOMPARE(rows.size(), m_rows.size() + 1);
    QCOMPARE(rows.first(), m_columns);
    for (int row = 0; row < m_rows.size(); ++row) {
        QStringList want;
        for (const QVariant &v : m_rows.at(row))
            want << asText(v);
        QCOMPARE(rows.at(row + 1), want);
    }
}

void TestSessionExporter::csvByteOrderMarkOnRequest()
{
    const ExportResult r = exportTo(ExportFormat::Csv, QStringLiteral("bom.csv"), 500, true);
    QVERIFY(r.ok());
    const QByteArray bytes = readFile(r.path);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(parseCsv(bytes.mid(3)).first(), m_columns);
}

void TestSessionExporter::markdownHoldsEveryText()
{
    const ExportResult r = exportTo(ExportFormat::Markdown, QStringLiteral("s.md"));
    QVERIFY(r.ok());
    const QString md = QString::fromUtf8(readFile(r.path));
    QVERIFY(md.startsWith(QStringLiteral("# Quotes \"and\" <i>HTML</i>, commas and 🎉\n")));
    const int textAt = int(m_columns.indexOf(QStringLiteral("text")));
    for (const QVariantList &row : m_rows) {
        if (!row.at(textAt).isNull())
            QVERIFY2(md.contains(row.at(textAt).toString()), qPrintable(row.at(textAt).toString()));
    }
    QCOMPARE(md.count(QStringLiteral("\n---\n\n## ")), m_rows.size());
    QVERIFY(md.contains(QStringLiteral("## assistant · 2024-05-01T10:00:00Z")));
    QVERIFY(md.contains(QStringLiteral("(no text)")));
}

void TestSessionExporter::keysetPagesKeepOrderWithSharedTimestamps()
{
    const int idAt = int(m_columns.indexOf(QStringLiteral("id")));
    QList<qint64> want;
    for (const QVariantList &row : m_rows)
        want << row.at(idAt).toLongLong();
    for (int pageSize : {1, 2, 3, 5, 1000}) {
        const ExportResult r =
            exportTo(ExportFormat::Json, QStringLiteral("page%1.json").arg(pageSize), pageSize);
        QVERIFY(r.ok());
        QList<qint64> got;
        const QJsonArray messages =
            QJsonDocument::fromJson(readFile(r.path)).object().value(QStringLiteral("messages")).toArray();
        for (const QJsonValue &m : messages)
            got << m.toObject().value(QStringLiteral("id")).toInteger();
        QCOMPARE(got, want);
    }
}

void TestSessionExporter::encoders()
{
    QCOMPARE(SessionExporter::csvField(QStringLiteral("plain")), QByteArray("plain"));
    QCOMPARE(SessionExporter::csvField(QStringLiteral("a,b")), QByteArray("\"a,b\""));
    QCOMPARE(SessionExporter::csvField(QStringLiteral("say \"x\"")), QByteArray("\"say \"\"x\"\"\""));
    QCOMPARE(SessionExporter::csvField(QStringLiteral("a\nb")), QByteArray("\"a\nb\""));
    QCOMPARE(SessionExporter::csvField(QVariant()), QByteArray());
    QCOMPARE(SessionExporter::jsonString(QStringLiteral("q\"b\\\n\x01é")),
             QByteArray("\"q\\\"b\\\\\\n\\u0001\xC3\xA9\""));
    QCOMPARE(SessionExporter::jsonValue(QVariant(qint64(9007199254740993))), QByteArray("9007199254740993"));
    QCOMPARE(SessionExporter::jsonValue(QVariant(0.1)), QByteArray("0.1"));
    QCOMPARE(SessionExporter::jsonValue(QVariant()), QByteArray("null"));
}

void TestSessionExporter::refusesTheDatabaseFiles()
{
    const QByteArray before = test::sha256(m_db);
    Database db;
    QVERIFY(db.open({m_db}).ok());
    for (const QString &target : {m_db, m_db + QStringLiteral("-wal"), m_db + QStringLiteral("-shm")}) {
        ExportOptions o;
        o.sessionId = kSession;
        o.path = target;
        const ExportResult r = SessionExporter::exportSession(db, o);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.reasonText().contains(QLatin1String("refusing")), qPrintable(r.error.toString()));
    }
    db.close();
    QCOMPARE(test::sha256(m_db), before);
}

void TestSessionExporter::unknownSessionIsAnError()
{
    Database db;
    QVERIFY(db.open({m_db}).ok());
    ExportOptions o;
    o.sessionId = QStringLiteral("no-such-session");
    o.path = m_dir.filePath(QStringLiteral("none.json"));
    const ExportResult r = SessionExporter::exportSession(db, o);
    QCOMPARE(r.error.kind, DbError::Kind::NotFound);
    QVERIFY(!QFile::exists(o.path));
}

void TestSessionExporter::jobThroughTheConnection()
{
    const ExportResult direct = exportTo(ExportFormat::Csv, QStringLiteral("direct.csv"), 4);
    QVERIFY(direct.ok());
    Connection c;
    QVERIFY(c.open({m_db}).result().ok());
    ExportJob job(&c);
    QSignalSpy progress(&job, &ExportJob::progress);
    QSignalSpy finished(&job, &ExportJob::finished);
    ExportOptions o;
    o.sessionId = kSession;
    o.path = m_dir.filePath(QStringLiteral("job.csv"));
    o.format = ExportFormat::Csv;
    o.pageSize = 4;
    job.start(o);
    QTRY_COMPARE(finished.size(), 1);
    const auto r = finished.first().at(0).value<ExportResult>();
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.messages, qint64(m_rows.size()));
    QVERIFY(progress.size() >= 3); // one per page
    QCOMPARE(readFile(o.path), readFile(direct.path));
    // No statement or transaction left behind.
    QCOMPARE(c.run([](Database &db) { return db.activeStatements(); }).result(), 0);
}

void TestSessionExporter::cancelledJobLeavesNoFile()
{
    Connection c;
    QVERIFY(c.open({m_db}).result().ok());
    ExportJob job(&c);
    QSignalSpy finished(&job, &ExportJob::finished);
    connect(&job, &ExportJob::progress, &job, [&job] { job.cancel(); });
    ExportOptions o;
    o.sessionId = kSession;
    o.path = m_dir.filePath(QStringLiteral("cancelled.md"));
    o.format = ExportFormat::Markdown;
    o.pageSize = 2;
    job.start(o);
    QTRY_COMPARE(finished.size(), 1);
    const auto r = finished.first().at(0).value<ExportResult>();
    QVERIFY(r.cancelled);
    QVERIFY(!QFile::exists(o.path));
}

void TestSessionExporter::anotherDatabaseOpenedStopsTheJob()
{
    // A second file holding a session of the same id: the pages after the open would come from it.
    const QString other = test::makeKalitoDb(m_dir.path(), QStringLiteral("export-other.db"), 1, 2);
    {
        Database db;
        QVERIFY(db.open({other}).ok());
        QVERIFY(!db.execute(QStringLiteral(
                                "INSERT INTO sessions (id, name, model, created_at) VALUES (?, ?, ?, ?)"),
                            {kSession, QStringLiteral("other"), QStringLiteral("gpt-4o"),
                             QStringLiteral("2024-05-01T09:00:00Z")})
                     .isError());
        for (int i = 0; i < 20; ++i)
            QVERIFY(!db.execute(QStringLiteral("INSERT INTO messages (session_id, role, text, created_at) "
                                               "VALUES (?, 'user', ?, ?)"),
                                {kSession, QStringLiteral("from the other file %1").arg(i),
                                 QStringLiteral("2024-05-01T12:00:%1Z").arg(10 + i)})
                         .isError());
        db.close();
    }
    const QString path = m_dir.filePath(QStringLiteral("switched.csv"));
    {
        QFile kept(path); // an export file, never the database
        QVERIFY(kept.open(QIODevice::WriteOnly));
        kept.write("what was there before\n");
    }
    Connection c;
    QVERIFY(c.open({m_db}).result().ok());
    ExportJob job(&c);
    QSignalSpy finished(&job, &ExportJob::finished);
    int pages = 0;
    connect(&job, &ExportJob::progress, &job, [&] {
        // After the first page: the other file opens before the next page is asked for.
        if (++pages == 1)
            QVERIFY(c.open({other}).result().ok());
    });
    ExportOptions o;
    o.sessionId = kSession;
    o.path = path;
    o.format = ExportFormat::Csv;
    o.pageSize = 2;
    job.start(o);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(pages, 1); // no page of the other file was written
    const auto r = finished.first().at(0).value<ExportResult>();
    QVERIFY(r.cancelled); // reported as stopped
    QVERIFY(!r.ok());
    QVERIFY(!job.isRunning());
    QCOMPARE(readFile(path), QByteArray("what was there before\n")); // left as it was
    // The same job exports the session of the file open now.
    finished.clear();
    job.start(o);
    QTRY_COMPARE(finished.size(), 1);
    const auto again = finished.first().at(0).value<ExportResult>();
    QVERIFY2(again.ok(), qPrintable(again.error.toString()));
    QCOMPARE(again.messages, qint64(20));
    QVERIFY(readFile(path).contains("from the other file 19"));
}

QTEST_GUILESS_MAIN(TestSessionExporter)
#include "tst_sessionexporter.moc"
