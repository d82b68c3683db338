#include "displaycheck.h"
#include "programpaths.h"
#include "sqliteprocess.h"
#include "testsupport.h"
#include "windowarguments.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <unistd.h>

using namespace kalito;

// The built kalito-inspector, run as a user would from a shell.
class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpAndVersion();
    void demoCreatesAndRefusesToOverwrite();
    void statusJson();
    void statusText();
    void statusReadOnlyLeavesBytes();
    void statusErrors_data();
    void statusErrors();
    void unreadableFile();
    void unknownSubcommand();
    void lockedDatabase();
    void displayCheck_data();
    void displayCheck();
    void noDisplayMessage_data();
    void noDisplayMessage();
    void windowUsageErrors_data();
    void windowUsageErrors();
    void windowArguments_data();
    void windowArguments();
    void windowStartsThroughTheHeadlessExecutable();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFile::exists(test::inspectorPath()), "KALITO_INSPECTOR must point at the built binary");
    m_db = m_dir.filePath(QStringLiteral("kalito.db"));
    const test::Run r =
        test::inspector({QStringLiteral("demo"), m_db, QStringLiteral("--sessions"), QStringLiteral("7"),
                         QStringLiteral("--messages-per-session"), QStringLiteral("9")});
    QCOMPARE(r.exitCode, 0);
}

void TestCli::helpAndVersion()
{
    const test::Run help = test::inspector({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *word : {"status", "demo", "--read-only", "Exit codes"})
        QVERIFY2(help.out.contains(QLatin1String(word)), word);
    const test::Run version = test::inspector({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("kalito-inspector ")));
    const test::Run statusHelp = test::inspector({QStringLiteral("status"), QStringLiteral("--help")});
    QCOMPARE(statusHelp.exitCode, 0);
    QVERIFY(statusHelp.out.contains(QStringLiteral("--json")));
}

void TestCli::demoCreatesAndRefusesToOverwrite()
{
    const QString path = m_dir.filePath(QStringLiteral("demo with spaces ñ 日本.db"));
    test::Run r =
        test::inspector({QStringLiteral("demo"), path, QStringLiteral("--sessions"), QStringLiteral("3")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(test::sqlite3(path, QStringLiteral("SELECT count(*) FROM sessions;")), QStringLiteral("3"));
    const QByteArray before = test::sha256(path);
    r = test::inspector({QStringLiteral("demo"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("already exists")), qPrintable(r.err));
    QCOMPARE(test::sha256(path), before);
    r = test::inspector({QStringLiteral("demo"), m_dir.filePath(QStringLiteral("x.db")),
                         QStringLiteral("--sessions"), QStringLiteral("many")});
    QCOMPARE(r.exitCode, 2);
}

void TestCli::statusJson()
{
    const test::Run r = test::inspector({QStringLiteral("status"), QStringLiteral("--json"), m_db});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("path")).toString(), m_db);
    QVERIFY(o.value(QStringLiteral("sqlite_version")).toString().startsWith(QStringLiteral("3.")));
    QCOMPARE(o.value(QStringLiteral("read_only")).toBool(), false);
    const QJsonObject p = o.value(QStringLiteral("pragmas")).toObject();
    QCOMPARE(p.value(QStringLiteral("foreign_keys")).toInt(), 1);
    QCOMPARE(p.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(p.value(QStringLiteral("synchronous")).toInt(), 1);
    QCOMPARE(p.value(QStringLiteral("cache_size")).toInt(), 1000);
    QCOMPARE(p.value(QStringLiteral("temp_store")).toInt(), 2);
    QCOMPARE(p.value(QStringLiteral("busy_timeout")).toInt(), 5000);
    const QJsonObject f = o.value(QStringLiteral("files")).toObject();
    QCOMPARE(f.value(QStringLiteral("db_bytes")).toInteger(), QFileInfo(m_db).size());
    QVERIFY(f.contains(QStringLiteral("wal_bytes")) && f.contains(QStringLiteral("shm_bytes")));
    const QJsonObject t = o.value(QStringLiteral("tables")).toObject();
    QCOMPARE(t.value(QStringLiteral("sessions")).toInt(), 7);
    QCOMPARE(t.value(QStringLiteral("messages")).toInt(), 63);
    QCOMPARE(t.value(QStringLiteral("personas")).toInt(), 2);
    QVERIFY(t.contains(QStringLiteral("semantic_pins")) &&
            t.contains(QStringLiteral("conversation_summaries")));
}

void TestCli::statusText()
{
    const test::Run r = test::inspector(
        {QStringLiteral("status"), m_db, QStringLiteral("--busy-timeout"), QStringLiteral("250")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("journal_mode")));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("busy_timeout +250 ms\\n"))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("messages +63\\n"))), qPrintable(r.out));
}

void TestCli::statusReadOnlyLeavesBytes()
{
    const QByteArray before = test::sha256(m_db);
    const test::Run r = test::inspector(
        {QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--read-only"), m_db});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("read_only")).toBool(),
             true);
    QCOMPARE(test::sha256(m_db), before);
}

// status, check, locks and locks --watch refuse the same paths the same way: one message naming
// the file and the reason, exit 2, nothing written (a FIFO is never opened for reading: it hangs).
void TestCli::statusErrors_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    const QList<QStringList> commands = {{QStringLiteral("status")},
                                         {QStringLiteral("check")},
                                         {QStringLiteral("locks")},
                                         {QStringLiteral("locks"), QStringLiteral("--json")},
                                         {QStringLiteral("locks"), QStringLiteral("--watch")}};
    for (const QStringList &c : commands) {
        const QString k = c.join(u' ');
        QTest::addRow("%s missing", qPrintable(k)) << c << "missing.db" << QByteArray() << "does not exist";
        QTest::addRow("%s empty", qPrintable(k)) << c << "empty.db" << QByteArray("") << "empty";
        QTest::addRow("%s text", qPrintable(k))
            << c << "notes.txt" << QByteArray("plain text, not sqlite\n").repeated(10)
            << "not a SQLite database";
        QTest::addRow("%s directory", qPrintable(k)) << c << "folder.db" << QByteArray() << "directory";
        QTest::addRow("%s fifo", qPrintable(k)) << c << "pipe.db" << QByteArray() << "FIFO";
    }
}

void TestCli::statusErrors()
{
    QFETCH(QStringList, command);
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString path = m_dir.filePath(name);
    if (name == QLatin1String("folder.db")) {
        QDir().mkpath(path);
    } else if (name == QLatin1String("pipe.db")) {
        if (!QFile::exists(path))
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    } else if (name != QLatin1String("missing.db")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = name == QLatin1String("pipe.db") ? QByteArray() : test::sha256(path);
    const test::Run r = test::inspector(command + QStringList{path}, 20000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains(reason), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count(u'\n'), 1); // one message
    if (name != QLatin1String("pipe.db"))
        QCOMPARE(test::sha256(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
}

void TestCli::unreadableFile()
{
    // Root reads everything, so the check runs the inspector as an unprivileged user when it can.
    const QString path = m_dir.filePath(QStringLiteral("secret.db"));
    QFile::copy(m_db, path);
    QFile::setPermissions(path, QFileDevice::WriteOwner); // 0200: not readable
    QFile::setPermissions(m_dir.path(), QFileDevice::Permissions(0x7755));
    test::Run r;
    if (::geteuid() == 0) {
        KALITO_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty(),
                       QStringLiteral("running as root without setpriv: cannot make a file unreadable"));
        QProcess p;
        p.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                 QStringLiteral("--clear-groups"), test::inspectorPath(), QStringLiteral("status"), path});
        QVERIFY(p.waitForFinished(30000));
        r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError());
    } else {
        r = test::inspector({QStringLiteral("status"), path});
    }
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("not readable")), qPrintable(r.err));
}

void TestCli::unknownSubcommand()
{
    const test::Run r = test::inspector({QStringLiteral("status"), QStringLiteral("--bogus"), m_db});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("bogus")));
}

void TestCli::lockedDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("locked.db"));
    test::sqlite3(path, QStringLiteral("CREATE TABLE t(x);"));
    test::SqliteProcess holder(path);
    QVERIFY(holder.start());
    holder.exec(QStringLiteral("BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);"));
    const test::Run r = test::inspector(
        {QStringLiteral("status"), QStringLiteral("--busy-timeout"), QStringLiteral("300"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path) && r.err.contains(QStringLiteral("locked")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
void TestCli::displayCheck_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<bool>("windowPossible");
    const QStringList app{QStringLiteral("kalito-inspector"), QStringLiteral("x.db")};
    QTest::newRow("nothing") << app << QStringList{} << false;
    QTest::newRow("empty DISPLAY") << app << QStringList{QStringLiteral("DISPLAY=")} << false;
    QTest::newRow("X11") << app << QStringList{QStringLiteral("DISPLAY=:0")} << true;
    QTest::newRow("ssh -X") << app << QStringList{QStringLiteral("DISPLAY=localhost:10.0")} << true;
    QTest::newRow("Wayland") << app << QStringList{QStringLiteral("WAYLAND_DISPLAY=wayland-0")} << true;
    QTest::newRow("offscreen") << app << QStringList{QStringLiteral("QT_QPA_PLATFORM=offscreen")} << true;
    QTest::newRow("vnc with options")
        << app << QStringList{QStringLiteral("QT_QPA_PLATFORM=vnc:size=800x600")} << true;
    QTest::newRow("xcb without DISPLAY")
        << app << QStringList{QStringLiteral("QT_QPA_PLATFORM=xcb")} << false;
    QTest::newRow("wayland;xcb, X only")
        << app << QStringList{QStringLiteral("QT_QPA_PLATFORM=wayland;xcb"), QStringLiteral("DISPLAY=:1")}
        << true;
    QTest::newRow("wayland, X only") << app
                                     << QStringList{QStringLiteral("QT_QPA_PLATFORM=wayland"),
                                                    QStringLiteral("DISPLAY=:1")}
                                     << false;
    QTest::newRow("-platform offscreen")
        << (app + QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen")}) << QStringList{}
        << true;
    QTest::newRow("-display") << (app + QStringList{QStringLiteral("-display"), QStringLiteral(":3")})
                              << QStringList{} << true;
}

void TestCli::displayCheck()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(bool, windowPossible);
    QProcessEnvironment env;
    for (const QString &kv : environment)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    const QString problem = cli::DisplayCheck::problem(arguments, env);
    QCOMPARE(problem.isEmpty(), windowPossible);
}

void TestCli::noDisplayMessage_data()
{
    QTest::addColumn<QString>("platform");
    QTest::newRow("default platform") << QString();
    QTest::newRow("xcb asked for") << QStringLiteral("xcb");
}

// What a user sees over ssh without -X: one line naming what works instead, exit code 2.
void TestCli::noDisplayMessage()
{
    QFETCH(QString, platform);
    const test::Run r = test::inspector({m_db}, 60000,
                                        {QStringLiteral("DISPLAY="), QStringLiteral("WAYLAND_DISPLAY="),
                                         QStringLiteral("QT_QPA_PLATFORM=") + platform});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 1);
    for (const char *word : {"status", "check", "checkpoint", "locks", "ssh -X", "no display"})
        QVERIFY2(lines.constFirst().contains(QLatin1String(word)), word);
    QVERIFY(!r.err.contains(QStringLiteral("could not connect to display")));
}

void TestCli::windowUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    QTest::newRow("mistyped subcommand")
        << QStringList{QStringLiteral("stauts"), m_db} << QStringLiteral("unknown subcommand 'stauts'");
    QTest::newRow("a subcommand this build lacks")
        << QStringList{QStringLiteral("frobcheck"), QStringLiteral("--json"), m_db}
        << QStringLiteral("unknown subcommand 'frobcheck'");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("Unknown option 'frobnicate'");
    QTest::newRow("unknown option beside a path")
        << QStringList{QStringLiteral("--json"), m_db} << QStringLiteral("Unknown option 'json'");
    QTest::newRow("two paths") << QStringList{m_db, m_db} << QStringLiteral("give one database PATH");
    QTest::newRow("a word after the path")
        << QStringList{m_db, QStringLiteral("status")} << QStringLiteral("unexpected argument 'status'");
    QTest::newRow("bad busy timeout")
        << QStringList{QStringLiteral("--busy-timeout"), QStringLiteral("soon"), m_db}
        << QStringLiteral("--busy-timeout needs a number of milliseconds");
}

// Issue 21: what the window would not understand is a usage error of the headless executable
// naming the subcommands, exit 2, never a window; even where a window could start (offscreen),
// where the old program started one and, in a script, hung.
void TestCli::windowUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    const test::Run r = test::inspector(arguments, 60000, {QStringLiteral("QT_QPA_PLATFORM=offscreen")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(QStringLiteral("kalito-inspector: ") + said), qPrintable(r.err));
    for (const char *word : {"status", "check", "checkpoint", "locks", "demo", "Exit codes"})
        QVERIFY2(r.err.contains(QLatin1String(word)), word);
}

void TestCli::windowArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("window");
    const QString app = QStringLiteral("kalito-inspector");
    QTest::newRow("nothing") << QStringList{app} << true;
    QTest::newRow("existing file without .db") << QStringList{app, m_dir.path()} << true;
    QTest::newRow("a new .db") << QStringList{app, QStringLiteral("new.db")} << true;
    QTest::newRow("a .sqlite3") << QStringList{app, QStringLiteral("x.sqlite3")} << true;
    QTest::newRow("a path with a slash") << QStringList{app, QStringLiteral("some/where")} << true;
    QTest::newRow("window options") << QStringList{app, QStringLiteral("--read-only"),
                                                   QStringLiteral("--busy-timeout"), QStringLiteral("100"),
                                                   QStringLiteral("k.db")}
                                    << true;
    QTest::newRow("Qt's options") << QStringList{app,
                                                 QStringLiteral("-platform"),
                                                 QStringLiteral("offscreen"),
                                                 QStringLiteral("-style=fusion"),
                                                 QStringLiteral("--reverse"),
                                                 QStringLiteral("-display"),
                                                 QStringLiteral(":1"),
                                                 QStringLiteral("k.db")}
                                  << true;
    QTest::newRow("bare word") << QStringList{app, QStringLiteral("stauts")} << false;
    QTest::newRow("unknown option") << QStringList{app, QStringLiteral("--frobnicate")} << false;
    QTest::newRow("negative timeout")
        << QStringList{app, QStringLiteral("--busy-timeout"), QStringLiteral("-5")} << false;
}

void TestCli::windowArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, window);
    const QString problem = cli::WindowArguments::problem(arguments);
    QVERIFY2(problem.isEmpty() == window, qPrintable(problem));
}

// The headless executable exec()s the window beside it with the same arguments: the window opens
// the database (offscreen) and stops cleanly on SIGTERM, sent to the pid we started (exec keeps it).
void TestCli::windowStartsThroughTheHeadlessExecutable()
{
    QVERIFY2(!cli::ProgramPaths::window(test::inspectorPath()).isEmpty(),
             "no kalito-inspector-gui beside it");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(test::inspectorPath(), {QStringLiteral("--read-only"), m_db});
    QVERIFY(p.waitForStarted());
    QString log;
    QTRY_VERIFY_WITH_TIMEOUT((log += QString::fromLocal8Bit(p.readAll())).contains(QStringLiteral("opened")),
                             30000);
    QVERIFY2(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(p.processId()))
                 .endsWith(QStringLiteral("kalito-inspector-gui")),
             "the started pid is not the window");
    p.terminate();
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

#include "tst_cli.moc"
