// Scenario: opening never makes the window wait. File > Open of a larger database while the
// connection is busy (the window keeps painting: the heartbeat and the busy bar prove it), a
// second open while one is under way, a read-only copy with progress and with Cancel (nothing is
// left), the demo database made at start-up while the window is shown, and a proof that the
// heartbeat does fail when the GUI thread blocks.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "connection.h"
#include "databaseopener.h"
#include "desktopshell.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "openstatus.h"
#include "scenario/scenariowindow.h"
#include "settingswriter.h"
#include "testsupport.h"
#include "windowstartup.h"

#include <QDir>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <memory>

using namespace kalito;

namespace {

// Holds the connection thread inside a request until released, as a long count on a big
// database would; released on destruction so a failing test never leaves the thread stuck.
class BusyConnection
{
public:
    explicit BusyConnection(Connection *connection)
    {
        auto entered = m_entered;
        auto gate = m_gate;
        connection->run([entered, gate](Database &) {
            entered->release();
            gate->acquire();
            return 0;
        });
        QTRY_VERIFY_WITH_TIMEOUT(m_entered->available() == 1, 30000);
    }
    ~BusyConnection() { release(); }
    void release()
    {
        if (!m_released)
            m_gate->release();
        m_released = true;
    }

private:
    std::shared_ptr<QSemaphore> m_entered = std::make_shared<QSemaphore>(0);
    std::shared_ptr<QSemaphore> m_gate = std::make_shared<QSemaphore>(0);
    bool m_released = false;
};

// Counts paint events a widget receives.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *widget) { widget->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

} // namespace

class TestScenarioOpen : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theHeartbeatSeesAGuiThreadThatBlocks();
    void openWhileTheConnectionIsBusyKeepsPainting();
    void aSecondOpenWhileOneIsUnderWay();
    void readOnlyCopyOpensWithProgress();
    void readOnlyCopyOfTheOpenDatabase();
    void cancellingACopyLeavesNothing();
    void demoDatabaseMadeAtStartUp();

private:
    static ui::FileActions *fileActions(test::ScenarioWindow &w);
    static ui::OpenStatus *openStatus(test::ScenarioWindow &w);
    static QStringList copyFolders(const QString &dir);

    QTemporaryDir m_dir;
    QString m_path;
    QString m_big;
    QString m_other;
};

void TestScenarioOpen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 6, 5);
    m_other = test::makeKalitoDb(m_dir.path(), QStringLiteral("other.db"), 3, 4);
    m_big = test::makeKalitoDb(m_dir.path(), QStringLiteral("big.db"), 1500, 40); // 60,000 messages
}

ui::FileActions *TestScenarioOpen::fileActions(test::ScenarioWindow &w)
{
    return w.window()->desktopShell()->fileActions();
}

ui::OpenStatus *TestScenarioOpen::openStatus(test::ScenarioWindow &w)
{
    return w.window()->findChild<ui::OpenStatus *>(QStringLiteral("openStatus"));
}

QStringList TestScenarioOpen::copyFolders(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("kalito-inspector-copy-*")},
                               QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

void TestScenarioOpen::theHeartbeatSeesAGuiThreadThatBlocks()
{
    if (test::StallWatch::sanitized())
        QSKIP("the heartbeat reports nothing under the sanitizers");
    test::ScenarioWindow w(m_path);
    w.stallWatch().reset();
    // A handler that blocks the GUI thread for 250 ms, as a synchronous wait in the product would.
    QTimer::singleShot(0, w.window(), [] { QThread::msleep(250); });
    QTRY_VERIFY(w.stallWatch().longestMs() >= 200);
    QString why;
    QVERIFY(!w.withinStallLimit(&why));
    QVERIFY2(why.contains(QLatin1String("stalled")), qPrintable(why));
    // The test's own blocking work, paused, is not counted: 250 ms paused leave no 200 ms gap.
    w.stallWatch().reset();
    {
        const test::StallWatch::Pause testsOwnWork;
        QThread::msleep(250);
    }
    QTRY_VERIFY(w.stallWatch().elapsedMs() >= 300); // ticks resumed after the pause
    QVERIFY2(w.stallWatch().longestMs() < 200, qPrintable(w.stallWatch().describeOver(20)));
}

void TestScenarioOpen::openWhileTheConnectionIsBusyKeepsPainting()
{
    test::ScenarioWindow w(m_path);
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    ui::OpenStatus *status = openStatus(w);
    QVERIFY(status);
    auto busy = std::make_unique<BusyConnection>(w.connection());
    PaintCounter paints(status->progressBar());
    w.openThroughMenuNoWait(m_big);
    // The menu action returned at once; the open waits behind the connection's work while the
    // window says so and its busy bar keeps being painted.
    QTRY_VERIFY(!status->isHidden());
    QVERIFY2(status->text().contains(QLatin1String("big.db")), qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(paints.count >= 3, 30000);
    QCOMPARE(opened.size(), 0);
    busy->release();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 30000);
    QVERIFY(opened.at(0).at(0).value<OpenResult>().ok());
    QVERIFY(w.window()->windowTitle().contains(QLatin1String("big.db")));
    ui::SessionsModel *sessions = w.conversations()->sessions()->model();
    QTRY_VERIFY_WITH_TIMEOUT(sessions->rowCount() > 0 && !sessions->sessionIdAt(0).isEmpty(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(sessions->knownCount(), qint64(1500), 30000);
    QTRY_VERIFY(status->isHidden());
    // The busy bar painted while the connection was held: the GUI thread did not wait for it
    // (a wait would have frozen it until release()). How long its longest gap was is reported.
    qInfo() << "paints of the busy bar while the open waited:" << paints.count;
}

void TestScenarioOpen::aSecondOpenWhileOneIsUnderWay()
{
    test::ScenarioWindow w(m_path);
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    QSignalSpy connectionOpened(w.connection(), &Connection::opened);
    auto busy = std::make_unique<BusyConnection>(w.connection());
    w.openThroughMenuNoWait(m_big);
    w.openThroughMenuNoWait(m_other); // picked another file before the first one opened
    QTRY_VERIFY(openStatus(w)->text().contains(QLatin1String("other.db")));
    busy->release();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 30000);
    QTRY_VERIFY(!w.window()->opener()->isBusy());
    QTest::qWait(100); // time passing is the behaviour: nothing else arrives
    // Only the latest was opened: the first never reached the connection.
    QCOMPARE(opened.size(), 1);
    QCOMPARE(connectionOpened.size(), 1);
    QCOMPARE(opened.at(0).at(0).value<OpenResult>().path, QFileInfo(m_other).absoluteFilePath());
    QCOMPARE(w.connection()->openResult().path, QFileInfo(m_other).absoluteFilePath());
    QVERIFY(w.modals().texts().isEmpty());
    ui::SessionsModel *sessions = w.conversations()->sessions()->model();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->knownCount(), qint64(3), 30000);

    // Three in a row without the connection held: the first one's check runs, the second is
    // replaced by the third, which is the one that opens.
    opened.clear();
    connectionOpened.clear();
    w.window()->openDatabase(OpenOptions{m_big});
    w.window()->openDatabase(OpenOptions{m_other});
    w.window()->openDatabase(OpenOptions{m_path});
    QTRY_VERIFY_WITH_TIMEOUT(!w.window()->opener()->isBusy(), 30000);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(connectionOpened.size(), 1);
    QCOMPARE(opened.last().at(0).value<OpenResult>().path, QFileInfo(m_path).absoluteFilePath());
    QCOMPARE(w.connection()->openResult().path, QFileInfo(m_path).absoluteFilePath());
    QTRY_COMPARE_WITH_TIMEOUT(sessions->knownCount(), qint64(6), 30000);
}

void TestScenarioOpen::readOnlyCopyOpensWithProgress()
{
    test::ScenarioWindow w(m_path);
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    QSignalSpy progress(w.window()->opener(), &ui::DatabaseOpener::progress);
    const QByteArray before = test::sha256(m_other);
    fileActions(w)->setDialogProvider(
        [this](QWidget *, const QString &, const QString &) { return m_other; });
    fileActions(w)->openCopyAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 30000);
    const OpenResult r = opened.at(0).at(0).value<OpenResult>();
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY(r.readOnly);
    QVERIFY(r.path != QFileInfo(m_other).absoluteFilePath());
    QCOMPARE(QFileInfo(r.path).fileName(), QStringLiteral("other.db"));
    // Progress went up to every byte of the files.
    const qint64 size = QFileInfo(m_other).size() + QFileInfo(m_other + QStringLiteral("-wal")).size();
    bool sawAll = false;
    for (const QList<QVariant> &p : std::as_const(progress))
        sawAll = sawAll || (p.at(0).toLongLong() == size && p.at(1).toLongLong() == size);
    QVERIFY2(sawAll, "no progress report of every byte copied");
    QCOMPARE(test::sha256(m_other), before);
    ui::SessionsModel *sessions = w.conversations()->sessions()->model();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->knownCount(), qint64(3), 30000);
    const QString folder = QFileInfo(r.path).absolutePath();
    QVERIFY(QFileInfo::exists(folder));
    w.quit();
    QVERIFY2(!QFileInfo::exists(folder), "the copy is removed when the window closes");
}

void TestScenarioOpen::readOnlyCopyOfTheOpenDatabase()
{
    test::ScenarioWindow w(m_other);
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    QSignalSpy closed(w.connection(), &Connection::closed);
    fileActions(w)->setDialogProvider(
        [this](QWidget *, const QString &, const QString &) { return m_other; });
    fileActions(w)->openCopyAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 30000);
    QCOMPARE(closed.size(), 1); // the original was closed before its files were read
    const OpenResult r = opened.at(0).at(0).value<OpenResult>();
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY(r.readOnly);
    QVERIFY(r.path != QFileInfo(m_other).absoluteFilePath());
    ui::SessionsModel *sessions = w.conversations()->sessions()->model();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->knownCount(), qint64(3), 30000);
}

void TestScenarioOpen::cancellingACopyLeavesNothing()
{
    // A database with 3 GB of (sparse) zeros behind it: the copy takes seconds, not milliseconds.
    const QString huge = QDir(m_dir.path()).filePath(QStringLiteral("huge.db"));
    QVERIFY(QFile::copy(m_other, huge));
    {
        QFile f(huge);
        QVERIFY(f.resize(3LL * 1024 * 1024 * 1024));
    }
    QTemporaryDir copies;
    const QByteArray oldTmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(copies.path()));
    const auto restoreTmp = qScopeGuard([oldTmp] {
        if (oldTmp.isNull())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", oldTmp);
    });
    test::ScenarioWindow w(m_path);
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    QSignalSpy failed(w.window()->opener(), &ui::DatabaseOpener::copyFailed);
    ui::OpenStatus *status = openStatus(w);
    fileActions(w)->setDialogProvider([huge](QWidget *, const QString &, const QString &) { return huge; });
    fileActions(w)->openCopyAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(status->progressBar()->maximum() > 0 && status->progressBar()->value() > 0,
                             30000);
    QVERIFY(status->cancelButton()->isVisible());
    QVERIFY2(status->text().contains(QLatin1String("Copying huge.db")), qPrintable(status->text()));
    QCOMPARE(copyFolders(copies.path()).size(), 1); // the copy's folder, being written
    QTest::mouseClick(status->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(failed.size() == 1, 30000);
    QCOMPARE(failed.at(0).at(1).toBool(), true);
    QTRY_VERIFY(!w.window()->opener()->isBusy());
    QCOMPARE(copyFolders(copies.path()), QStringList()); // nothing of the half-made copy is left
    QCOMPARE(opened.size(), 0);
    QCOMPARE(w.connection()->openResult().path, QFileInfo(m_path).absoluteFilePath()); // still open
    QVERIFY(w.window()->statusBar()->currentMessage().contains(QLatin1String("cancelled")));
    QVERIFY(w.modals().texts().isEmpty());
    QFile::remove(huge);
}

void TestScenarioOpen::demoDatabaseMadeAtStartUp()
{
    QTemporaryDir home;
    const QByteArray oldData = qgetenv("XDG_DATA_HOME");
    const QByteArray oldDb = qgetenv("KALITO_DB");
    const QString oldCwd = QDir::currentPath();
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.path()));
    qunsetenv("KALITO_DB");
    QDir::setCurrent(home.path());
    ui::SettingsWriter::flush(); // the earlier windows' "last database", written off the GUI thread
    QSettings().remove(QStringLiteral("lastDatabase"));
    const ui::WindowStartup startup = ui::WindowStartup::fromArguments({QStringLiteral("kalito-inspector")});
    qputenv("XDG_DATA_HOME", oldData);
    if (!oldDb.isNull())
        qputenv("KALITO_DB", oldDb);
    QDir::setCurrent(oldCwd);
    QVERIFY(startup.error.isEmpty());
    QVERIFY(startup.resolved.needsCreation);
    QVERIFY(startup.options.path.startsWith(home.path()));
    QVERIFY(!QFileInfo::exists(startup.options.path)); // not made before the window is shown

    test::ScenarioWindow w{QString()}; // the window is shown first, as app/main.cpp does
    QSignalSpy opened(w.window(), &ui::MainWindow::databaseOpened);
    QSignalSpy busy(w.window()->opener(), &ui::DatabaseOpener::busy);
    startup.openIn(w.window());
    QVERIFY(w.window()->isVisible());
    QVERIFY(!busy.isEmpty());
    QVERIFY2(busy.at(0).at(0).toString().contains(QLatin1String("demo")),
             qPrintable(busy.at(0).at(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(opened.size() == 1, 60000);
    const OpenResult r = opened.at(0).at(0).value<OpenResult>();
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.path, startup.options.path);
    const qint64 expected =
        test::sqlite3(r.path, QStringLiteral("SELECT count(*) FROM sessions;")).toLongLong();
    QVERIFY(expected > 0);
    ui::SessionsModel *sessions = w.conversations()->sessions()->model();
    QTRY_COMPARE_WITH_TIMEOUT(sessions->knownCount(), expected, 30000);
}

QTEST_MAIN(TestScenarioOpen)
#include "tst_scenario_open.moc"
