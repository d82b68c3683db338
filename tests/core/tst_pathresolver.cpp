#include "pathresolver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kalito;

class TestPathResolver : public QObject
{
    Q_OBJECT
private slots:
    void commandLineWins();
    void environmentIsSecond();
    void checkoutIsFoundUpward_data();
    void checkoutIsFoundUpward();
    void lastOpenedIfItStillExists();
    void demoIsTheLastResort();
    void missingExplicitPathIsKept();

private:
    void touch(const QString &path)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QTemporaryDir m_dir;
};

void TestPathResolver::commandLineWins()
{
    PathResolver r;
    r.setCommandLinePath(QStringLiteral("given.db"));
    r.setEnvironmentPath(m_dir.filePath(QStringLiteral("env.db")));
    const ResolvedPath p = r.resolve();
    QCOMPARE(p.source, ResolvedPath::Source::CommandLine);
    QCOMPARE(p.path, QDir::current().absoluteFilePath(QStringLiteral("given.db")));
}

void TestPathResolver::environmentIsSecond()
{
    PathResolver r;
    r.setEnvironmentPath(m_dir.filePath(QStringLiteral("env.db")));
    r.setWorkingDirectory(m_dir.path());
    const ResolvedPath p = r.resolve();
    QCOMPARE(p.source, ResolvedPath::Source::Environment);
    QCOMPARE(p.path, m_dir.filePath(QStringLiteral("env.db")));
}

void TestPathResolver::checkoutIsFoundUpward_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("cwd");
    QTest::newRow("backend/db at root") << "co1/backend/db/kalito.db"
                                        << "co1/frontend/src";
    QTest::newRow("db inside backend") << "co2/backend/db/kalito.db"
                                       << "co2/backend/dist/db";
    QTest::newRow("cwd is the checkout") << "co3/backend/db/kalito.db"
                                         << "co3";
}

void TestPathResolver::checkoutIsFoundUpward()
{
    QFETCH(QString, layout);
    QFETCH(QString, cwd);
    touch(m_dir.filePath(layout));
    QDir().mkpath(m_dir.filePath(cwd));
    PathResolver r;
    r.setWorkingDirectory(m_dir.filePath(cwd));
    r.setLastOpened(m_dir.filePath(layout) + QStringLiteral(".other"));
    const ResolvedPath p = r.resolve();
    QCOMPARE(p.source, ResolvedPath::Source::Checkout);
    QCOMPARE(p.path, m_dir.filePath(layout));
}

void TestPathResolver::lastOpenedIfItStillExists()
{
    const QString last = m_dir.filePath(QStringLiteral("last/kalito.db"));
    QTemporaryDir elsewhere;
    PathResolver r;
    r.setWorkingDirectory(elsewhere.path());
    r.setLastOpened(last);
    r.setDemoPath(m_dir.filePath(QStringLiteral("demo/kalito.db")));
    QCOMPARE(r.resolve().source, ResolvedPath::Source::Demo); // not there yet
    touch(last);
    const ResolvedPath p = r.resolve();
    QCOMPARE(p.source, ResolvedPath::Source::LastOpened);
    QCOMPARE(p.path, last);
}

void TestPathResolver::demoIsTheLastResort()
{
    QTemporaryDir elsewhere;
    PathResolver r;
    r.setWorkingDirectory(elsewhere.path());
    r.setDemoPath(m_dir.filePath(QStringLiteral("demo2/kalito.db")));
    ResolvedPath p = r.resolve();
    QCOMPARE(p.source, ResolvedPath::Source::Demo);
    QVERIFY(p.needsCreation);
    touch(p.path);
    p = r.resolve();
    QVERIFY(!p.needsCreation);
    qputenv("XDG_DATA_HOME", m_dir.path().toUtf8());
    QCOMPARE(PathResolver::defaultDemoPath(),
             m_dir.filePath(QStringLiteral("kalito-inspector/demo/kalito.db")));
}

void TestPathResolver::missingExplicitPathIsKept()
{
    PathResolver r;
    r.setCommandLinePath(m_dir.filePath(QStringLiteral("does-not-exist.db")));
    const ResolvedPath p = r.resolve();
    QCOMPARE(p.source, ResolvedPath::Source::CommandLine);
    QVERIFY(!QFile::exists(p.path));
}

QTEST_GUILESS_MAIN(TestPathResolver)
#include "tst_pathresolver.moc"
