// Scenario: a person opening files in the real MainWindow: bad files while a database is open
// (the open one stays open and usable), a second database, F5, read-only mode, the Diagnostics
// dock's buttons, and quitting while work is still running.
#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/dataversionwatcher.h"
#include "browse/messagedetailpane.h"
#include "browse/messagesmodel.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "desktopshell.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "proclocks.h"
#include "scenario/scenariowindow.h"
#include "searchdock.h"
#include "searchrunner.h"
#include "sessionexportcontroller.h"
#include "testsupport.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace kalito;

class TestScenarioFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badFilesLeaveTheOpenDatabaseOpen_data();
    void badFilesLeaveTheOpenDatabaseOpen();
    void aSecondDatabaseReplacesTheFirst();
    void f5ShowsWhatAnotherProcessWrote();
    void readOnlyModeChangesNothing();
    void diagnosticsDockButtons();
    void quitWithWorkRunning();
    void fileDialogsLeaveTheDatabaseLocksAlone();

private:
    static QString statusBarTexts(QWidget *window);
    static QPushButton *button(QWidget *parent, const QString &text);
    static void expectUsable(test::ScenarioWindow &w, const QString &path);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestScenarioFiles::initTestCase()
{
    m_path = test::makeKalitoDb(m_dir.path(), QStringLiteral("kalito.db"), 12, 8);
}

QString TestScenarioFiles::statusBarTexts(QWidget *window)
{
    QStringList texts;
    for (QLabel *l : window->findChildren<QStatusBar *>().value(0)->findChildren<QLabel *>())
        texts << (l->toolTip().isEmpty() ? l->text()
                                         : l->toolTip()); // a long path is elided; its tooltip is whole
    return texts.join(QLatin1Char('|'));
}

QPushButton *TestScenarioFiles::button(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>()) {
        if (b->text().remove(QLatin1Char('&')) == text)
            return b;
    }
    return nullptr;
}

// The database at path is open and everything a person does with it works.
void TestScenarioFiles::expectUsable(test::ScenarioWindow &w, const QString &path)
{
    QVERIFY(w.connection()->isOpen());
    QCOMPARE(w.connection()->openResult().path, path);
    QVERIFY(w.window()->windowTitle().contains(path));
    ui::SessionsPane *pane = w.conversations()->sessions();
    QTRY_VERIFY(pane->model()->rowCount() > 2 && !pane->model()->sessionIdAt(2).isEmpty());
    test::ScenarioWindow::clickRow(pane->view(), 2);
    ui::TranscriptView *transcript = w.conversations()->transcript();
    transcript->setMode(ui::TranscriptView::Mode::Grid); // clicks a row of the grid below
    QTRY_COMPARE(transcript->model()->sessionId(), pane->model()->sessionIdAt(2));
    QTRY_VERIFY(transcript->model()->messageIdAt(0) > 0);
    test::ScenarioWindow::clickRow(transcript->view(), 0, ui::MessagesModel::Text);
    QTRY_COMPARE(w.conversations()->detail()->messageId(), transcript->model()->messageIdAt(0));
    const QString full = test::sqlite3(
        path,
        QStringLiteral("SELECT text FROM messages WHERE id = %1;").arg(transcript->model()->messageIdAt(0)));
    QTRY_COMPARE(w.conversations()->detail()->textEdit()->toPlainText().trimmed(), full);
}

void TestScenarioFiles::badFilesLeaveTheOpenDatabaseOpen_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // "-" for a directory, "!" for a missing path
    QTest::newRow("text file") << QStringLiteral("junk.db") << QByteArray("this is not a database\n");
    QTest::newRow("empty file") << QStringLiteral("empty.db") << QByteArray();
    QTest::newRow("directory") << QStringLiteral("folder.db") << QByteArray("-");
    QTest::newRow("missing") << QStringLiteral("missing.db") << QByteArray("!");
    QTest::newRow("damaged header") << QStringLiteral("damaged.db")
                                    << QByteArray("SQLite format 3\0", 16) + QByteArray(84, '\xff');
}

void TestScenarioFiles::badFilesLeaveTheOpenDatabaseOpen()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString bad = dir.filePath(name);
    if (content == "-") {
        QVERIFY(QDir(dir.path()).mkdir(name));
    } else if (content != "!") {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = content == "-" || content == "!" ? QByteArray() : test::sha256(bad);
    test::ScenarioWindow w(m_path);
    const QString statusBefore = statusBarTexts(w.window());
    w.openThroughMenu(bad);
    // The person is told which file and why, and nothing else changes.
    QTRY_VERIFY(!w.modals().texts().isEmpty());
    const QString said = w.modals().texts().last();
    QVERIFY2(said.contains(name), qPrintable(said));
    QVERIFY2(said.contains(m_path), qPrintable(said)); // ... and that the old one is still open
    QVERIFY(statusBarTexts(w.window()).contains(QFileInfo(m_path).fileName()));
    QVERIFY(!statusBarTexts(w.window()).contains(QStringLiteral("Not open")));
    QCOMPARE(statusBarTexts(w.window()).section(QLatin1Char('|'), 1),
             statusBefore.section(QLatin1Char('|'), 1));
    expectUsable(w, m_path);
    if (!before.isEmpty())
        QCOMPARE(test::sha256(bad), before);
    QVERIFY(!QFileInfo::exists(bad + QStringLiteral("-wal")));
    QVERIFY(!QFileInfo::exists(bad + QStringLiteral("-shm")));
}

void TestScenarioFiles::aSecondDatabaseReplacesTheFirst()
{
    QTemporaryDir dir;
    const QString second = test::makeKalitoDb(dir.path(), QStringLiteral("second.db"), 5, 3);
    test::ScenarioWindow w(m_path);
    w.openThroughMenu(second);
    QVERIFY(w.modals().texts().isEmpty());
    QTRY_VERIFY(w.window()->windowTitle().contains(second));
    QTRY_COMPARE(w.conversations()->sessions()->model()->knownCount(), qint64(5));
    expectUsable(w, second);
    const QString shown = w.conversations()->transcript()->model()->sessionId();
    QCOMPARE(
        test::sqlite3(second, QStringLiteral("SELECT count(*) FROM sessions WHERE id = '%1';").arg(shown)),
        QStringLiteral("1"));
    // And back to the first, from the recent list.
    w.openThroughMenu(m_path);
    QTRY_COMPARE(w.conversations()->sessions()->model()->knownCount(), qint64(12));
    expectUsable(w, m_path);
}

void TestScenarioFiles::f5ShowsWhatAnotherProcessWrote()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 6, 3);
    test::ScenarioWindow w(path);
    w.window()->browser()->watcher()->stop(); // only F5 may bring it
    // A poll already on its way still reports (and what it starts runs): wait until it has, then
    // for what it started.
    QTRY_VERIFY(!w.window()->browser()->watcher()->isPolling());
    QTRY_COMPARE(w.connection()->pending(), 0);
    test::sqlite3(path,
                  QStringLiteral("INSERT INTO sessions(id, name, created_at, updated_at) VALUES "
                                 "('f5', 'After F5', '2099-01-01T00:00:00Z', '2099-01-01T00:00:00Z');"));
    QTRY_COMPARE(w.connection()->pending(), 0);
    QCOMPARE(w.conversations()->sessions()->model()->knownCount(), qint64(6));
    QTest::keyClick(w.window(), Qt::Key_F5);
    QTRY_COMPARE(w.conversations()->sessions()->model()->knownCount(), qint64(7));
    QTRY_COMPARE(w.conversations()->sessions()->model()->sessionIdAt(0), QStringLiteral("f5"));
}

void TestScenarioFiles::readOnlyModeChangesNothing()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 6, 5);
    test::sqlite3(path, QStringLiteral("PRAGMA journal_mode=WAL;"));
    const QByteArray before = test::sha256(path);
    {
        test::ScenarioWindow w(QString{});
        w.openThroughMenu(path, true);
        QVERIFY(w.connection()->openResult().readOnly);
        QVERIFY(statusBarTexts(w.window()).contains(QStringLiteral("read-only")));
        expectUsable(w, path);
        // A checkpoint is refused, and says why.
        auto *dock = w.window()->findChild<QDockWidget *>(QStringLiteral("dockDiagnostics"));
        if (!dock->isVisible()) // View > Diagnostics (the layout of the last run is remembered)
            dock->toggleViewAction()->trigger();
        QTRY_VERIFY(dock->isVisible());
        w.modals().setAccepting(true);
        QPushButton *passive = button(dock, QStringLiteral("PASSIVE"));
        QVERIFY(passive);
        passive->click();
        QTRY_VERIFY(passive->isEnabled());
        const QString texts = [&] {
            QStringList t;
            for (QLabel *l : dock->findChildren<QLabel *>())
                t << l->text();
            return t.join(QLatin1Char('\n'));
        }();
        QVERIFY2(texts.contains(QStringLiteral("read")), qPrintable(texts));
        w.quit();
    }
    QCOMPARE(test::sha256(path), before);
}

void TestScenarioFiles::diagnosticsDockButtons()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 10, 20);
    test::ScenarioWindow w(path);
    auto *dock = w.window()->findChild<QDockWidget *>(QStringLiteral("dockDiagnostics"));
    QVERIFY(dock);
    if (!dock->isVisible())
        dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    w.watchModels();
    w.modals().setAccepting(true); // "Run a FULL checkpoint?" - yes
    for (const QString &mode : {QStringLiteral("PASSIVE"), QStringLiteral("FULL"), QStringLiteral("RESTART"),
                                QStringLiteral("TRUNCATE")}) {
        QPushButton *b = button(dock, mode);
        QVERIFY2(b, qPrintable(mode));
        auto *results = b->parentWidget()->findChild<QTreeWidget *>();
        const int before = results ? results->topLevelItemCount() : 0;
        b->click();
        if (results)
            QTRY_COMPARE_WITH_TIMEOUT(results->topLevelItemCount(), before + 1, 20000);
        QTRY_VERIFY(b->isEnabled());
        QVERIFY(results->topLevelItem(0)->text(1).contains(mode));
    }
    // Integrity: run, and run again and cancel at once.
    QPushButton *run = button(dock, QStringLiteral("Run"));
    QVERIFY(run);
    run->click();
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 20000);
    run->click();
    QPushButton *cancel = nullptr;
    for (QPushButton *b : run->parentWidget()->findChildren<QPushButton *>())
        if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Cancel"))
            cancel = b;
    QVERIFY(cancel);
    if (cancel->isEnabled())
        cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(run->isEnabled(), 20000);
    // The window still browses afterwards.
    expectUsable(w, path);
}

void TestScenarioFiles::quitWithWorkRunning()
{
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 40, 400);
    {
        test::ScenarioWindow w(path);
        SearchRunner *runner = w.window()->searchDock()->runner();
        runner->setFixedChunkRows(true);
        runner->setInitialChunkRows(50);
        w.window()->searchDock()->search(QStringLiteral("zzz-not-there"));
        QVERIFY(runner->isRunning());
        auto *dock = w.window()->findChild<QDockWidget *>(QStringLiteral("dockDiagnostics"));
        if (!dock->isVisible())
            dock->toggleViewAction()->trigger();
        if (QPushButton *run = button(dock, QStringLiteral("Run")))
            run->click();
        QTest::keyClick(w.window(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!w.window()->isVisible());
        w.quit(); // the window and then the connection go, with requests still queued
    }
    QCOMPARE(test::sqlite3(path, QStringLiteral("PRAGMA integrity_check;")), QStringLiteral("ok"));
    QCOMPARE(test::sqlite3(path, QStringLiteral("SELECT count(*) FROM messages;")), QStringLiteral("16000"));
}

// File > Open and File > Export session… in the database's own folder: Qt's default file icons
// open each file listed to sniff its type, and closing that descriptor drops every POSIX lock this
// process holds on the file, the -shm's DMS lock included (sqlite-wal-and-locks.md). The dialogs
// must list the folder without it.
void TestScenarioFiles::fileDialogsLeaveTheDatabaseLocksAlone()
{
    KALITO_REQUIRE(ProcLocks::available(), QStringLiteral("needs /proc/locks (Linux)"));
    QTemporaryDir dir;
    const QString path = test::makeKalitoDb(dir.path(), QStringLiteral("kalito.db"), 3, 4);
    test::ScenarioWindow w(path);
    const QString shm = path + QStringLiteral("-shm");
    QVERIFY(QFileInfo::exists(shm));
    const auto holdsDms = [&] {
        for (const ProcLock &l : ProcLocks::on(shm, ProcLocks::read())) {
            if (l.pid == QCoreApplication::applicationPid() && l.start <= 128 && (l.end < 0 || l.end >= 128))
                return true;
        }
        return false;
    };
    QVERIFY(holdsDms()); // the connection's, while it is open

    ui::SessionExportController *exporter = w.window()->exportController();
    QTRY_VERIFY(exporter->action()->isEnabled());
    QSettings().setValue(QStringLiteral("exportFolder"), dir.path()); // Export starts there
    ui::FileActions *files = w.window()->desktopShell()->fileActions();
    w.modals().setAnswering(false); // this test looks into the dialogs and closes them itself
    for (QAction *action : {files->openAction(), exporter->action()}) {
        bool listed = false;
        bool held = false;
        QString shown;
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = dialog->directory().absolutePath();
            auto *model = dialog->findChild<QFileSystemModel *>();
            // Listed, and the type of the -shm asked for (the moment a sniffing provider opens it).
            listed = model && QTest::qWaitFor(
                                  [&] {
                                      const QModelIndex i = model->index(shm);
                                      return i.isValid() && !model->type(i).isEmpty();
                                  },
                                  10000);
            held = holdsDms();
            dialog->reject();
        });
        action->trigger();
        QVERIFY2(listed, qPrintable(action->text() + QStringLiteral(": not listed: ") + shown));
        QVERIFY2(held, qPrintable(action->text() + QStringLiteral(": the -shm's DMS lock was dropped")));
    }
    w.modals().setAnswering(true);
    QVERIFY(holdsDms());
}

QTEST_MAIN(TestScenarioFiles)
#include "tst_scenario_files.moc"
