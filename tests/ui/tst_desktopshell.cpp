// The desktop conventions of the window: File > Open through the real action (with a stubbed file
// dialog), Open Read-Only, the recent list, settings that survive a restart, drag and drop, F5,
// the status bar fields, the Spanish translation and the application icon.
#include "applicationicon.h"
#include "connection.h"
#include "desktopshell.h"
#include "dropopener.h"
#include "fileactions.h"
#include "lockrecording.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "recordingtext.h"
#include "settingswriter.h"
#include "statusindicators.h"
#include "testsupport.h"
#include "translations.h"
#include "windowfit.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace kalito;

namespace {

// A dock as the diagnostics branch adds them: created in the window's constructor, before show.
QDockWidget *addDock(QMainWindow &window)
{
    auto *dock = new QDockWidget(QStringLiteral("Diagnostics"), &window);
    dock->setObjectName(QStringLiteral("testDock"));
    window.addDockWidget(Qt::LeftDockWidgetArea, dock);
    return dock;
}

// A window on its own connection, as the application builds it.
struct Window
{
    Connection connection;
    ui::MainWindow window{&connection};

    ui::DesktopShell *shell() { return window.findChild<ui::DesktopShell *>(); }
    ui::FileActions *actions() { return shell()->fileActions(); }

    // Triggers File > Open (or Open Read-Only) with a dialog that answers `answer`.
    void openThroughDialog(const QString &answer, bool readOnly)
    {
        actions()->setDialogProvider(
            [answer](QWidget *, const QString &, const QString &) { return answer; });
        (readOnly ? actions()->openReadOnlyAction() : actions()->openAction())->trigger();
    }

    QList<QAction *> recentActions()
    {
        QList<QAction *> list;
        const QList<QAction *> all = actions()->recentMenu()->actions();
        for (QAction *a : all) {
            if (!a->data().toString().isEmpty())
                list << a;
        }
        return list;
    }
};

QMenu *topMenu(QMainWindow &window, const QString &objectName)
{
    return window.menuBar()->findChild<QMenu *>(objectName);
}

} // namespace

class TestDesktopShell : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void openActionOpensTheChosenFile();
    void cancelledDialogOpensNothing();
    void openReadOnlyActionOpensReadOnly();
    void reopensFromTheRecentList();
    void recentListIsBoundedAndClearable();
    void settingsSurviveARestart();
    void defaultSizeFitsTheScreen_data();
    void defaultSizeFitsTheScreen();
    void firstStartOpensWithinTheScreen();
    void droppingAFileOpensIt();
    void droppingAFolderIsRefused();
    void refreshActionUsesF5AndEmits();
    void statusBarShowsPathAndModeOnce();
    void spanishTranslationLoads();
    void englishPluralsRead();
    void applicationIconDraws();

private:
    QTemporaryDir m_dir;
    QString m_dbA;
    QString m_dbB;
};

void TestDesktopShell::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to ~/.qttest, never the user's own
    QCoreApplication::setOrganizationName(QStringLiteral("kalito"));
    QCoreApplication::setApplicationName(QStringLiteral("kalito-inspector-test"));
    QVERIFY(m_dir.isValid());
    m_dbA = test::makeKalitoDb(m_dir.path(), QStringLiteral("a.db"), 2, 3);
    m_dbB = test::makeKalitoDb(m_dir.path(), QStringLiteral("b.db"), 2, 3);
}

void TestDesktopShell::init()
{
    ui::SettingsWriter::flush(); // what the previous test's window wrote, before it is cleared
    QSettings().clear();
}

void TestDesktopShell::openActionOpensTheChosenFile()
{
    Window w;
    w.window.show();
    QSignalSpy opened(&w.window, &ui::MainWindow::databaseOpened);
    QString askedTitle;
    w.actions()->setDialogProvider([&](QWidget *parent, const QString &title, const QString &) {
        askedTitle = title;
        return parent == &w.window ? m_dbA : QString();
    });
    QCOMPARE(w.actions()->openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    w.actions()->openAction()->trigger();
    QTRY_COMPARE(opened.size(), 1);
    const auto result = opened.at(0).at(0).value<OpenResult>();
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.path, m_dbA);
    QVERIFY(!result.readOnly);
    QCOMPARE(askedTitle, QStringLiteral("Open Database"));
    QTRY_VERIFY(w.window.windowTitle().contains(m_dbA));
    ui::SettingsWriter::flush(); // settings are written off the GUI thread
    QCOMPARE(QSettings().value(QStringLiteral("lastDatabase")).toString(), m_dbA);
    QCOMPARE(w.shell()->recentFiles()->entries().size(), 1);
    QCOMPARE(w.shell()->recentFiles()->entries().constFirst().path, m_dbA);
}

void TestDesktopShell::cancelledDialogOpensNothing()
{
    Window w;
    QSignalSpy requested(w.shell(), &ui::DesktopShell::openRequested);
    w.openThroughDialog(QString(), false);
    QCOMPARE(requested.size(), 0);
    QVERIFY(!w.connection.isOpen());
}

void TestDesktopShell::openReadOnlyActionOpensReadOnly()
{
    Window w;
    QSignalSpy opened(&w.window, &ui::MainWindow::databaseOpened);
    w.openThroughDialog(m_dbB, true);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(opened.at(0).at(0).value<OpenResult>().readOnly);
    QCOMPARE(w.shell()->statusIndicators()->modeText(), QStringLiteral("read-only"));
    QCOMPARE(w.shell()->recentFiles()->entries().constFirst(), (ui::RecentFiles::Entry{m_dbB, true}));
    // Writing through the connection must fail: it really is read-only.
    const bool wrote =
        w.connection
            .run([](Database &db) { return !db.execute(QStringLiteral("CREATE TABLE t(x)")).isError(); })
            .result();
    QVERIFY(!wrote);
}

void TestDesktopShell::reopensFromTheRecentList()
{
    Window w;
    QSignalSpy opened(&w.window, &ui::MainWindow::databaseOpened);
    w.openThroughDialog(m_dbA, true);
    QTRY_COMPARE(opened.size(), 1);
    w.openThroughDialog(m_dbB, false);
    QTRY_COMPARE(opened.size(), 2);
    QTRY_VERIFY(w.window.windowTitle().contains(m_dbB));

    // Newest first; the entry for A still says read-only.
    QList<QAction *> recent = w.recentActions();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.at(0)->data().toString(), m_dbB);
    QCOMPARE(recent.at(1)->data().toString(), m_dbA);
    QVERIFY(recent.at(1)->text().contains(QStringLiteral("read-only")));

    recent.at(1)->trigger();
    QTRY_COMPARE(opened.size(), 3);
    const auto result = opened.at(2).at(0).value<OpenResult>();
    QCOMPARE(result.path, m_dbA);
    QVERIFY(result.readOnly);
    QTRY_VERIFY(w.window.windowTitle().contains(m_dbA));
    QCOMPARE(w.recentActions().at(0)->data().toString(), m_dbA);
}

void TestDesktopShell::recentListIsBoundedAndClearable()
{
    ui::RecentFiles recent;
    for (int i = 0; i < 12; ++i)
        recent.add(m_dir.filePath(QStringLiteral("f%1.db").arg(i)), false);
    recent.add(m_dir.filePath(QStringLiteral("f5.db")), false); // again: moves to the front
    QCOMPARE(recent.entries().size(), ui::RecentFiles::DefaultMaximum);
    QCOMPARE(recent.entries().constFirst().path, m_dir.filePath(QStringLiteral("f5.db")));
    QCOMPARE(recent.entries().at(1).path, m_dir.filePath(QStringLiteral("f11.db")));
    ui::SettingsWriter::flush();                             // written off the GUI thread
    QCOMPARE(ui::RecentFiles().entries(), recent.entries()); // stored, not just in memory

    Window w;
    QCOMPARE(w.recentActions().size(), ui::RecentFiles::DefaultMaximum); // read from the settings
    QAction *clear = w.actions()->recentMenu()->findChild<QAction *>(QStringLiteral("actionClearRecent"));
    QVERIFY(clear);
    QVERIFY(clear->isEnabled());
    clear->trigger();
    QVERIFY(w.shell()->recentFiles()->entries().isEmpty());
    ui::SettingsWriter::flush();
    QVERIFY(ui::RecentFiles().entries().isEmpty());
}

void TestDesktopShell::settingsSurviveARestart()
{
    QByteArray savedGeometry;
    {
        Window first;
        QDockWidget *dock = addDock(first.window);
        first.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first.window));
        QSignalSpy opened(&first.window, &ui::MainWindow::databaseOpened);
        first.openThroughDialog(m_dbA, false);
        QTRY_COMPARE(opened.size(), 1);
        // Smaller than the offscreen screen (800x600): restoreGeometry() shrinks what does not fit.
        first.window.resize(761, 433);
        QTRY_COMPARE(first.window.size(), QSize(761, 433));
        first.window.addDockWidget(Qt::RightDockWidgetArea, dock); // the user moves the dock
        QVERIFY(first.window.close());                             // saves the layout, as when the user quits
    }
    ui::SettingsWriter::flush(); // settings are written off the GUI thread
    QCOMPARE(QSettings().value(QStringLiteral("lastDatabase")).toString(), m_dbA);
    QVERIFY(!QSettings().value(QStringLiteral("window/geometry")).toByteArray().isEmpty());

    Window second;
    QDockWidget *dock = addDock(second.window);
    // MainWindow's default until shown (the 800x600 offscreen screen is too small for 1280x800).
    QCOMPARE(second.window.size(),
             ui::WindowFit::forScreen(second.window.screen()->availableGeometry()).size);
    QCOMPARE(second.window.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
    second.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second.window));
    QTRY_COMPARE(second.window.size(), QSize(761, 433));
    QCOMPARE(second.window.dockWidgetArea(dock), Qt::RightDockWidgetArea);
    const QList<QAction *> recent = second.recentActions();
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent.constFirst()->data().toString(), m_dbA);
}

void TestDesktopShell::defaultSizeFitsTheScreen_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("maximized");
    // Screens as their panels leave them: 1280x800 with its frame fits only the first two.
    QTest::newRow("1920x1080, a 32 px panel") << QRect(0, 32, 1920, 1048) << QSize(1280, 800) << false;
    QTest::newRow("1296x848, exactly the frame") << QRect(0, 0, 1296, 848) << QSize(1280, 800) << false;
    QTest::newRow("1280x800 (the default itself)") << QRect(0, 0, 1280, 800) << QSize(1264, 752) << true;
    QTest::newRow("1366x768, a 28 px panel") << QRect(0, 28, 1366, 740) << QSize(1280, 692) << true;
    QTest::newRow("1024x768, a 24 px panel") << QRect(0, 24, 1024, 744) << QSize(1008, 696) << true;
    QTest::newRow("800x600 (the offscreen screen)") << QRect(0, 0, 800, 600) << QSize(784, 552) << true;
    QTest::newRow("no screen known") << QRect() << QSize(1280, 800) << false;
}

void TestDesktopShell::defaultSizeFitsTheScreen()
{
    QFETCH(QRect, available);
    QFETCH(QSize, size);
    QFETCH(bool, maximized);
    const ui::WindowFit fit = ui::WindowFit::forScreen(available);
    QCOMPARE(fit.size, size);
    QCOMPARE(fit.maximized, maximized);
}

void TestDesktopShell::firstStartOpensWithinTheScreen()
{
    // No saved geometry (init() cleared the settings): the window opens inside the screen, all of it
    // on screen, here the 800x600 offscreen one, as on a 1024x768 laptop.
    Window w;
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    const QRect screen = w.window.screen()->availableGeometry();
    QTRY_VERIFY2(screen.contains(w.window.frameGeometry()),
                 qPrintable(QStringLiteral("window %1x%2 at %3,%4 on a %5x%6 screen")
                                .arg(w.window.frameGeometry().width())
                                .arg(w.window.frameGeometry().height())
                                .arg(w.window.frameGeometry().x())
                                .arg(w.window.frameGeometry().y())
                                .arg(screen.width())
                                .arg(screen.height())));
    QVERIFY(w.window.isMaximized());
}

void TestDesktopShell::droppingAFileOpensIt()
{
    Window w;
    w.window.show();
    QSignalSpy opened(&w.window, &ui::MainWindow::databaseOpened);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_dbB)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.window, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).value<OpenResult>().path, m_dbB);
    QTRY_VERIFY(w.window.windowTitle().contains(m_dbB));
}

void TestDesktopShell::droppingAFolderIsRefused()
{
    Window w;
    QSignalSpy requested(w.shell(), &ui::DesktopShell::openRequested);
    QMimeData folder;
    folder.setUrls({QUrl::fromLocalFile(m_dir.path())});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &folder, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.window, &enter);
    QVERIFY(!enter.isAccepted());
    QMimeData two;
    two.setUrls({QUrl::fromLocalFile(m_dbA), QUrl::fromLocalFile(m_dbB)});
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &two, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w.window, &drop);
    QVERIFY(!drop.isAccepted());
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.invalid/kalito.db"))});
    QCOMPARE(ui::DropOpener::localFileFrom(&remote), QString());
    QCOMPARE(requested.size(), 0);
}

void TestDesktopShell::refreshActionUsesF5AndEmits()
{
    Window w;
    QAction *refresh = w.actions()->refreshAction();
    QVERIFY(refresh->shortcuts().contains(QKeySequence(Qt::Key_F5)));
    QSignalSpy spy(&w.window, &ui::MainWindow::refreshRequested);
    QVERIFY(!refresh->isEnabled()); // nothing open yet
    QSignalSpy opened(&w.window, &ui::MainWindow::databaseOpened);
    w.openThroughDialog(m_dbA, true);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(refresh->isEnabled());
    refresh->trigger();
    QCOMPARE(spy.size(), 1);
    // The platform's Quit keys, or Ctrl+Q where the platform binds none (offscreen, some themes).
    const QKeySequence platformQuit(QKeySequence::Quit);
    QCOMPARE(w.actions()->quitAction()->shortcut(),
             platformQuit.isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Q) : platformQuit);
    // Every menu is reachable from the keyboard: each top-level title has an accelerator.
    for (const char *name : {"menuFile", "menuView", "menuHelp"}) {
        QMenu *menu = topMenu(w.window, QLatin1String(name));
        QVERIFY2(menu, name);
        QVERIFY2(menu->title().contains(QLatin1Char('&')), name);
    }
}

void TestDesktopShell::statusBarShowsPathAndModeOnce()
{
    const QString path = test::makeKalitoDb(m_dir.path(), QStringLiteral("wal.db"), 1, 1);
    Window w;
    QSignalSpy opened(&w.window, &ui::MainWindow::databaseOpened);
    w.openThroughDialog(path, false);
    QTRY_COMPARE(opened.size(), 1);
    ui::StatusIndicators *status = w.shell()->statusIndicators();
    QVERIFY(status->pathText().endsWith(QStringLiteral("wal.db")));
    QCOMPARE(status->modeText(), QStringLiteral("read-write"));
    // The path is said once: not again as a temporary message, and the -wal size lives in the
    // health strip, not in the status bar.
    QVERIFY2(!w.window.statusBar()->currentMessage().contains(QStringLiteral("wal.db")),
             qPrintable(w.window.statusBar()->currentMessage()));
    int pathLabels = 0;
    for (QLabel *l : w.window.statusBar()->findChildren<QLabel *>())
        pathLabels += (l->text() + l->toolTip()).contains(QStringLiteral("wal.db"))
                          ? 1
                          : 0; // elided: full in the tooltip
    QCOMPARE(pathLabels, 1);
    QVERIFY(!w.window.statusBar()->findChild<QLabel *>(QStringLiteral("statusWalSize")));
}

void TestDesktopShell::spanishTranslationLoads()
{
    const QStringList loaded = ui::Translations::install(qApp, QLocale(QLocale::Spanish, QLocale::Mexico));
    QVERIFY2(loaded.contains(QStringLiteral("kalito-inspector_es")), qPrintable(loaded.join(u',')));
    QCOMPARE(QCoreApplication::translate("kalito::ui::FileActions", "&Open…"), QStringLiteral("&Abrir…"));
    {
        Window w;
        QCOMPARE(topMenu(w.window, QStringLiteral("menuFile"))->title(), QStringLiteral("&Archivo"));
        QCOMPARE(w.shell()->statusIndicators()->pathText(), QStringLiteral("Ninguna base de datos"));
    }
    QCOMPARE(QCoreApplication::translate("kalito::ui::SessionsPane", "%Ln session(s)", nullptr, 1),
             QStringLiteral("1 sesión"));
    // What is wrong with a line of a lock recording: a code from core, worded whole in Spanish
    // (it had been "no es una grabación de bloqueos: line 3: \"pid\" is missing or not a number").
    RecordingFault fault;
    LockRecording recording;
    QVERIFY(!LockRecording::parse("\n\n{\"event\":\"acquired\",\"ms\":5}", &recording, &fault));
    QCOMPARE(RecordingText::fault(fault), QStringLiteral("línea 3: «pid» falta o no es un número"));
    // The log stays in one language, the window's Spanish notwithstanding: it had said "closing …
    // checkpoint: truncate (ningún otro proceso tiene abierta la base de datos) busy 0 …".
    {
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) { logged << message; });
        Connection connection;
        const bool opened = connection.open({m_dbA}).result().ok();
        connection.close().result();
        qInstallMessageHandler(previous);
        QVERIFY(opened);
        const QString all = logged.join(u'\n');
        QVERIFY2(all.contains(QStringLiteral("closing")) && all.contains(QStringLiteral("(alone)")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("proceso")), qPrintable(all));
    }
    // Languages we do not ship leave the English source text, with English plurals (and no
    // half-translated Qt).
    QCOMPARE(ui::Translations::install(qApp, QLocale(QLocale::Japanese)),
             QStringList{QStringLiteral("kalito-inspector_en")});
    QCOMPARE(QCoreApplication::translate("kalito::ui::FileActions", "&Open…"), QStringLiteral("&Open…"));
    ui::Translations::uninstall(qApp);
}

void TestDesktopShell::englishPluralsRead()
{
    for (const QLocale &locale :
         {QLocale(QLocale::English, QLocale::UnitedStates), QLocale::c(), QLocale(QLocale::German)}) {
        QCOMPARE(ui::Translations::install(qApp, locale), QStringList{QStringLiteral("kalito-inspector_en")});
        auto tr = [](const char *context, const char *text, int n) {
            return QCoreApplication::translate(context, text, nullptr, n);
        };
        QCOMPARE(tr("kalito::ui::SessionsPane", "%Ln session(s)", 1), QStringLiteral("1 session"));
        QCOMPARE(tr("kalito::ui::SessionsPane", "%Ln session(s)", 40), QStringLiteral("40 sessions"));
        QCOMPARE(tr("kalito::ui::TranscriptView", "%Ln message(s)", 0), QStringLiteral("0 messages"));
        QCOMPARE(tr("kalito::ui::LockTimelinePane", "%Ln process(es)", 2), QStringLiteral("2 processes"));
        // Counts are written as the reader's locale writes numbers (%Ln).
        const QLocale before;
        QLocale::setDefault(locale);
        const QString many = tr("kalito::ui::TranscriptView", "%Ln message(s)", 50000);
        QLocale::setDefault(before);
        QCOMPARE(many, locale.toString(50000) + QStringLiteral(" messages"));
        if (locale.language() == QLocale::English)
            QCOMPARE(many, QStringLiteral("50,000 messages"));
        QCOMPARE(tr("kalito::ui::FileActions", "&Open…", -1), QStringLiteral("&Open…"));
        {
            Window w; // the window's own text, not only the catalogue
            QCOMPARE(topMenu(w.window, QStringLiteral("menuFile"))->title(), QStringLiteral("&File"));
        }
    }
    ui::Translations::uninstall(qApp);
}

void TestDesktopShell::applicationIconDraws()
{
    const QIcon icon = ui::ApplicationIcon::icon();
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(64).toImage();
    QVERIFY2(!image.isNull(), "no SVG icon engine: install libqt6svg6");
    // Something was drawn: the centre is not transparent.
    QVERIFY(qAlpha(image.pixel(image.width() / 2, image.height() / 2)) > 0);
}

QTEST_MAIN(TestDesktopShell)
#include "tst_desktopshell.moc"
