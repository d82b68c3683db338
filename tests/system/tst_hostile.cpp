#include "connection.h"
#include "hostilefiles.h"
#include "inspectorwork.h"
#include "sqliteprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace kalito;
using test::HostileFiles;

// Every strange or hostile file of issue 5, through the window's core (Connection, in this
// process, or in a helper process when the case needs another user) and through the command
// line (`kalito-inspector status`, read-write and --read-only). Each must give a clear message
// naming the file and the reason, or open gracefully; never crash or hang; leave the bytes as
// they were; and leave nothing beside a file that is not a database.
class TestHostile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void file_data();
    void file();
    void cleanupTestCase();

private:
    struct Outcome
    {
        QString who;
        bool finished = false; // false: hung past the timeout, or crashed
        int exitCode = -1;
        bool ok = false; // opened, and the walk read everything without an error
        QString message; // the error text shown to the user
    };
    Outcome throughCore(const QString &path);
    Outcome throughProcess(const QString &who, const QString &program, QStringList arguments, bool asNobody);
    QMap<QString, QByteArray> snapshot(const QString &dir) const;

    QTemporaryDir m_dir;
    QString m_stateDir;
    int m_tried = 0;
};

void TestHostile::initTestCase()
{
    QVERIFY(QFile::exists(test::inspectorPath()));
    QVERIFY(QFile::exists(qEnvironmentVariable("KALITO_CORE_HELPER")));
    // Cases run as uid 65534 must reach the files.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    m_stateDir = m_dir.filePath(QStringLiteral("state"));
    QDir().mkpath(m_stateDir);
    ::chmod(QFile::encodeName(m_stateDir).constData(), 0777);
}

void TestHostile::cleanupTestCase()
{
    qInfo("%d hostile files tried, each through the core and the command line (read-write and read-only)",
          m_tried);
}

void TestHostile::file_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : HostileFiles::names())
        QTest::newRow(qPrintable(name)) << name;
}

TestHostile::Outcome TestHostile::throughCore(const QString &path)
{
    Outcome o;
    o.who = QStringLiteral("core");
    Connection c;
    OpenOptions options{path};
    options.busyTimeoutMs = 500;
    // A hang guard, not a time goal: a minute is far beyond any case's work.
    auto wait = [](auto future) { return QTest::qWaitFor([&future] { return future.isFinished(); }, 60000); };
    const QFuture<OpenResult> opened = c.open(options);
    if (!wait(opened))
        return o; // hung: the Connection's destructor will hang too, and CTest's timeout reports it
    o.finished = true;
    const OpenResult r = opened.result();
    if (!r.ok()) {
        o.message = r.error.toString();
        return o;
    }
    const auto walk = c.run([](Database &db) { return test::InspectorWork::walkSchema(db); });
    if (!wait(walk)) {
        o.finished = false;
        c.interrupt();
        return o;
    }
    o.ok = !walk.result().error.isError();
    o.message = walk.result().error.toString();
    return o;
}

TestHostile::Outcome TestHostile::throughProcess(const QString &who, const QString &program,
                                                 QStringList arguments, bool asNobody)
{
    Outcome o;
    o.who = who;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_stateDir);
    p.setProcessEnvironment(env);
    if (asNobody) {
        arguments.prepend(program);
        arguments = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups")} +
                    arguments;
        p.start(QStringLiteral("setpriv"), arguments);
    } else {
        p.start(program, arguments);
    }
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return o;
    }
    o.finished = p.exitStatus() == QProcess::NormalExit;
    o.exitCode = p.exitCode();
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    // The helper prints "ok ROWS" or "error PATH: reason"; the CLI puts its reason on stderr.
    o.ok = o.exitCode == 0;
    o.message = who.startsWith(QLatin1String("core")) ? out.trimmed() : err.trimmed();
    return o;
}

QMap<QString, QByteArray> TestHostile::snapshot(const QString &dir) const
{
    QMap<QString, QByteArray> files;
    const QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        const QString path = QDir(dir).filePath(name);
        struct stat st;
        const bool regular = ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
        // The -shm is SQLite's scratch index, rebuilt by whoever opens first: not the data.
        files.insert(name, regular && !name.endsWith(QLatin1String("-shm")) && (st.st_mode & 0444)
                               ? test::sha256(path)
                               : QByteArray("(not hashed)"));
    }
    return files;
}

void TestHostile::file()
{
    QFETCH(QString, name);
    const QString dir = m_dir.filePath(name);
    QDir().mkpath(dir);
    HostileFiles::Case c = HostileFiles::make(name, dir);
    if (c.asNobody && ::geteuid() == 0)
        KALITO_REQUIRE(!QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty(),
                       QStringLiteral("needs setpriv to run as another user"));
    const bool asNobody = c.asNobody && ::geteuid() == 0;
    const QMap<QString, QByteArray> before = snapshot(dir);
    ++m_tried;

    QList<Outcome> outcomes;
    if (asNobody) {
        outcomes << throughProcess(QStringLiteral("core (uid 65534)"),
                                   qEnvironmentVariable("KALITO_CORE_HELPER"),
                                   {QStringLiteral("open"), c.path}, true);
    } else {
        outcomes << throughCore(c.path);
    }
    const QString timeout = QStringLiteral("500");
    outcomes << throughProcess(QStringLiteral("cli"), test::inspectorPath(),
                               {QStringLiteral("status"), QStringLiteral("--busy-timeout"), timeout, c.path},
                               asNobody);
    outcomes << throughProcess(QStringLiteral("cli --read-only"), test::inspectorPath(),
                               {QStringLiteral("status"), QStringLiteral("--read-only"),
                                QStringLiteral("--busy-timeout"), timeout, c.path},
                               asNobody);
    ::chmod(QFile::encodeName(dir).constData(), 0755);

    for (const Outcome &o : outcomes) {
        const QString what = o.who + QStringLiteral(": ") + o.message;
        qInfo().noquote() << what;
        QVERIFY2(o.finished, qPrintable(o.who + QStringLiteral(" crashed or hung")));
        QVERIFY2(o.exitCode != 2 || o.who.startsWith(QLatin1String("core")) || !o.message.isEmpty(),
                 qPrintable(what));
        switch (c.expect) {
        case HostileFiles::Expect::Refused:
            QVERIFY2(!o.ok, qPrintable(what));
            QVERIFY2(o.message.contains(c.path), qPrintable(what));
            QVERIFY2(o.message.contains(c.reason, Qt::CaseInsensitive), qPrintable(what));
            if (!o.who.startsWith(QLatin1String("core")))
                QCOMPARE(o.exitCode, 2);
            break;
        case HostileFiles::Expect::Opens:
            QVERIFY2(o.ok, qPrintable(what));
            break;
        case HostileFiles::Expect::Either:
            if (!o.ok)
                QVERIFY2(o.message.contains(c.path), qPrintable(what));
            break;
        }
    }

    // The bytes are as they were, and nothing appeared beside a file that is not a database.
    const QMap<QString, QByteArray> after = snapshot(dir);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!it.key().endsWith(QLatin1String("-shm")))
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" changed")));
    }
    if (c.notADatabase)
        QCOMPARE(after.keys(), before.keys());
    c.holder.reset();
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
