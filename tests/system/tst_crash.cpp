#include "backendwriter.h"
#include "database.h"
#include "inspectorwork.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace kalito;

// The inspector's core killed with SIGKILL, at random moments, in the middle of checkpoints
// (CheckpointRunner), integrity checks (IntegrityCheck) and browsing (KeysetPager over the models'
// specs; see InspectorWork), over and over while the backend's driver keeps writing. SQLite's
// promise is that a process dying mid-transaction or mid-checkpoint loses nothing committed; this
// checks the inspector keeps it (it holds no state the kill could leave half-done).
class TestCrash : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void killedInTheMiddle();

private:
    QTemporaryDir m_dir;
};

void TestCrash::initTestCase()
{
    const QString why = test::BackendWriter::unavailableReason();
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QVERIFY2(QFileInfo::exists(qEnvironmentVariable("KALITO_CORE_HELPER")), "KALITO_CORE_HELPER is not set");
}

void TestCrash::killedInTheMiddle()
{
    const QString db = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 40, 50);
    bool ok = false;
    int killsPerMode = qEnvironmentVariableIntValue("KALITO_CRASH_KILLS", &ok);
    if (!ok || killsPerMode <= 0)
        killsPerMode = 30;

    test::BackendWriter writer;
    QVERIFY(writer.start(db, 3600)); // stopped below with SIGTERM
    QElapsedTimer timer;
    timer.start();
    int kills = 0, midOperation = 0;
    QRandomGenerator random(20240517);
    for (const QString &mode :
         {QStringLiteral("checkpoint"), QStringLiteral("check"), QStringLiteral("browse")}) {
        for (int i = 0; i < killsPerMode; ++i) {
            QProcess inspector;
            inspector.start(qEnvironmentVariable("KALITO_CORE_HELPER"), {QStringLiteral("loop"), mode, db});
            QVERIFY(inspector.waitForStarted(10000));
            QByteArray out;
            while (!out.contains("begin") && inspector.state() == QProcess::Running) {
                inspector.waitForReadyRead(100);
                out += inspector.readAllStandardOutput();
            }
            QVERIFY2(out.contains("begin"), out.constData());
            // A random moment in the loop: from right at the first step to a few hundred steps in.
            // This sleep is the behaviour under test (where the kill lands), not a synchronisation.
            QThread::usleep(random.bounded(300000));
            QVERIFY2(inspector.state() == QProcess::Running,
                     qPrintable(QString::fromUtf8(out + inspector.readAllStandardError())));
            inspector.kill();
            QVERIFY(inspector.waitForFinished(10000));
            // Everything it printed before dying is still in the pipe.
            out += inspector.readAllStandardOutput();
            QCOMPARE(inspector.exitStatus(), QProcess::CrashExit);
            ++kills;
            // The last thing it said was that it began a step: it died inside that step (or between
            // the step and the next line, which the count cannot tell apart).
            const QList<QByteArray> lines = out.trimmed().split('\n');
            if (lines.last().startsWith("begin"))
                ++midOperation;
            QVERIFY2(writer.isRunning(), qPrintable(writer.stderrText()));
        }
        // Between rounds, the file as a third process sees it.
        QCOMPARE(test::sqlite3(db, QStringLiteral("PRAGMA quick_check;")), QStringLiteral("ok"));
    }
    QVERIFY(writer.finish(60000, true));
    qInfo().noquote() << QStringLiteral(
                             "%1 SIGKILLs survived (%2 in the middle of a step) in %3 s; the writer "
                             "committed %4 transactions, %5 messages")
                             .arg(kills)
                             .arg(midOperation)
                             .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                             .arg(writer.transactions())
                             .arg(writer.messages().size());

    QVERIFY2(writer.sawDone(), qPrintable(writer.stderrText()));
    QVERIFY2(writer.errors().isEmpty(), qPrintable(writer.errors().mid(0, 5).join(QLatin1Char('\n'))));
    QCOMPARE(writer.exitCode(), 0);
    QCOMPARE(kills, 3 * killsPerMode);

    const QStringList missing = writer.missingRows(db);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 10).join(QLatin1Char(' '))));
    QCOMPARE(test::sqlite3(db, QStringLiteral("PRAGMA integrity_check;")), QStringLiteral("ok"));
    // And as the inspector's core sees it after all that.
    Database d;
    QVERIFY(d.open({db}).ok());
    const auto integrity = test::InspectorWork::check(d, IntegrityKind::Full);
    QVERIFY(!integrity.error.isError());
    QVERIFY2(integrity.problems.isEmpty(), qPrintable(integrity.problemTexts().join(QLatin1Char('\n'))));
    QVERIFY(integrity.clean);
    const auto fk = test::InspectorWork::check(d, IntegrityKind::ForeignKeys);
    QVERIFY(fk.problems.isEmpty());
    QVERIFY(fk.clean);
}

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
