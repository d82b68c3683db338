#include "backendwriter.h"
#include "connection.h"
#include "inspectorwork.h"
#include "proclocklistener.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;
using test::InspectorWork;

// The inspector's core next to the backend's own driver: better-sqlite3 12 under Node.js, writing
// sessions and messages in small transactions for about a minute (KALITO_BACKEND_SECONDS), while
// the inspector, through its own classes (InspectorWork: KeysetPager over the models' specs,
// DataVersion, CheckpointRunner, IntegrityCheck), browses page by page, polls data_version, runs
// all four checkpoint modes and the three checks (whole file and table by table) over and over. The writer
// must see no error (SQLITE_BUSY included), every row it committed must be there afterwards, and the file
// must pass integrity_check.
class TestBackend : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void besideTheBackend_data();
    void besideTheBackend();

private:
    QTemporaryDir m_dir;
};

void TestBackend::initTestCase()
{
    const QString why = test::BackendWriter::unavailableReason();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    // CheckpointRunner and IntegrityCheck log each run: thousands of lines, past QtTest's limit on
    // messages, which would swallow the summary below.
    QLoggingCategory::setFilterRules(QStringLiteral("kalito.diag.info=false"));
}

void TestBackend::besideTheBackend_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write") << false;
    QTest::newRow("read-only") << true;
}

void TestBackend::besideTheBackend()
{
    QFETCH(bool, readOnly);
    const QString db = test::makeKalitoDb(
        m_dir.path(), QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".db"), 20, 30);
    const qint64 before = test::sqlite3(db, QStringLiteral("SELECT count(*) FROM messages;")).toLongLong();
    QCOMPARE(before, qint64(20 * 30));

    const int seconds = test::BackendWriter::configuredSeconds(60);
    test::BackendWriter writer;
    QVERIFY2(writer.start(db, seconds), qPrintable(writer.stderrText()));

    Connection c;
    OpenOptions options{db};
    options.readOnly = readOnly;
    const OpenResult opened = c.open(options).result();
    QVERIFY2(opened.ok(), qPrintable(opened.error.toString()));

    // A read-only inspector must never take the WAL write lock (byte 120 of the -shm) nor any
    // write lock on the database file: watched in /proc/locks the whole time.
    test::ProcLockListener locks(db, qint64(QCoreApplication::applicationPid()));
    locks.start();

    struct Tally
    {
        int operations = 0;
        int busyCheckpoints = 0;
        QStringList errors;
    };
    Tally browse, checkpoints, checks;
    qint64 firstVersion = -1, lastVersion = -1;
    InspectorWork::BrowseState state;
    QElapsedTimer timer;
    timer.start();
    for (int cycle = 0; writer.isRunning() && timer.elapsed() < (seconds + 60) * 1000; ++cycle) {
        for (int i = 0; i < 5; ++i) {
            const auto r = c.run([&state](Database &d) {
                                DbError e;
                                const qint64 v = InspectorWork::dataVersion(d, &e);
                                InspectorWork::Outcome o = InspectorWork::browse(d, state);
                                if (!o.error.isError())
                                    o.error = e;
                                return qMakePair(v, o);
                            }).result();
            lastVersion = r.first;
            if (firstVersion < 0)
                firstVersion = r.first;
            ++browse.operations;
            if (r.second.error.isError())
                browse.errors << r.second.error.toString();
        }
        const auto mode = InspectorWork::checkpoints().at(cycle % 4);
        const auto cp = c.run([mode](Database &d) { return InspectorWork::checkpoint(d, mode); }).result();
        ++checkpoints.operations;
        if (cp.busy)
            ++checkpoints.busyCheckpoints;
        // Read-only: the checkpoint is refused before it runs (it would take the WAL write lock).
        const bool expected = readOnly ? cp.error.kind == DbError::Kind::ReadOnly : !cp.error.isError();
        if (!expected)
            checkpoints.errors << InspectorWork::name(mode) + QStringLiteral(": ") +
                                      (cp.error.isError() ? cp.error.toString() : QStringLiteral("ran"));
        const auto kind = InspectorWork::checks().at(cycle % 3);
        const bool perTable = (cycle / 3) % 2 == 1;
        const auto ck =
            c.run([kind, perTable](Database &d) { return InspectorWork::check(d, kind, perTable); }).result();
        ++checks.operations;
        if (ck.error.isError() || !ck.problems.isEmpty() || !ck.clean)
            checks.errors << InspectorWork::name(kind) +
                                 (perTable ? QStringLiteral(" (per table)") : QString()) +
                                 QStringLiteral(": ") + ck.error.toString() +
                                 ck.problemTexts().join(QLatin1Char(';'));
        QCoreApplication::processEvents();
    }
    locks.stop();
    const CloseReport closed = c.close().result();
    QVERIFY2(writer.finish(60000), "the writer did not finish");

    qInfo().noquote() << QStringLiteral(
                             "%1: writer committed %2 transactions, %3 messages, %4 sessions in %5 s; "
                             "inspector: %6 browse steps, %7 checkpoints (%8 busy), %9 checks; "
                             "data_version %10 -> %11; %12 /proc/locks samples, write locks "
                             "seen: %13")
                             .arg(QString::fromLatin1(QTest::currentDataTag()))
                             .arg(writer.transactions())
                             .arg(writer.messages().size())
                             .arg(writer.sessions().size())
                             .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                             .arg(browse.operations)
                             .arg(checkpoints.operations)
                             .arg(checkpoints.busyCheckpoints)
                             .arg(checks.operations)
                             .arg(firstVersion)
                             .arg(lastVersion)
                             .arg(locks.samples())
                             .arg(locks.writeLocksSeen().isEmpty()
                                      ? QStringLiteral("none")
                                      : locks.writeLocksSeen().join(QStringLiteral(", ")));

    // The backend saw nothing go wrong.
    QVERIFY2(writer.sawDone(), qPrintable(writer.stderrText()));
    QVERIFY2(writer.errors().isEmpty(), qPrintable(writer.errors().mid(0, 5).join(QLatin1Char('\n'))));
    QCOMPARE(writer.exitCode(), 0);
    QVERIFY(writer.transactions() > 0);

    // Neither did the inspector.
    QVERIFY2(browse.errors.isEmpty(), qPrintable(browse.errors.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY2(checkpoints.errors.isEmpty(), qPrintable(checkpoints.errors.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY2(checks.errors.isEmpty(), qPrintable(checks.errors.mid(0, 5).join(QLatin1Char('\n'))));
    QVERIFY(checkpoints.operations >= 4 && checks.operations >= 3);
    // Polling data_version saw the other process's commits.
    QVERIFY2(lastVersion > firstVersion, "data_version never changed while the backend committed");
    if (readOnly) {
        QVERIFY(locks.samples() > 0);
        QVERIFY2(locks.writeLocksSeen().isEmpty(),
                 qPrintable(locks.writeLocksSeen().join(QLatin1Char('\n'))));
        QVERIFY(closed.checkpointMode.isEmpty());
    }

    // Every committed row is there, and the file is sound (checked by a third process).
    const QStringList missing = writer.missingRows(db);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 10).join(QLatin1Char(' '))));
    QCOMPARE(test::sqlite3(db, QStringLiteral("SELECT count(*) FROM messages;")).toLongLong(),
             before + writer.messages().size());
    QCOMPARE(test::sqlite3(db, QStringLiteral("PRAGMA integrity_check;")), QStringLiteral("ok"));
    QCOMPARE(test::sqlite3(db, QStringLiteral("PRAGMA foreign_key_check;")), QString());
}

QTEST_GUILESS_MAIN(TestBackend)
#include "tst_backend.moc"
