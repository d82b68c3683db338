// The monkey: seeded random input on the real MainWindow while the backend's own driver writes.
//   kalito-monkey [SECONDS] [SEED]
// SECONDS defaults to 20; SEED to a new one (printed). Exit 0 when nothing failed; a crash, a
// sanitizer report, a model tester failure, a qFatal or a hang aborts; a writer error, a row the
// writer committed that is missing afterwards, or a failed start exits 1. Every failure prints
// the seed and the command that repeats the run: ./dev monkey SECONDS SEED.
#include "backendwriter.h"
#include "connection.h"
#include "demodatabase.h"
#include "desktopshell.h"
#include "failurereport.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "modalwatcher.h"
#include "modelcoverage.h"
#include "monkey.h"
#include "sqllog.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <random>

using namespace kalito;

namespace {

struct Arguments
{
    int seconds = 20;
    std::uint64_t seed = 0;
    bool ok = true;
};

Arguments parse(int argc, char **argv)
{
    Arguments a;
    bool ok = true;
    if (argc > 1)
        a.seconds = QString::fromLocal8Bit(argv[1]).toInt(&ok);
    a.ok = ok && a.seconds > 0 && argc <= 3;
    if (argc > 2) {
        a.seed = QString::fromLocal8Bit(argv[2]).toULongLong(&ok);
        a.ok = a.ok && ok;
    } else {
        // A new seed each run (CI tries one more every time); printed before anything happens.
        std::random_device device;
        a.seed = (std::uint64_t(device()) << 32 ^ device() ^ quint64(QDateTime::currentMSecsSinceEpoch())) %
                 1000000000ULL;
    }
    return a;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The files File > Open offers: what a person may pick by mistake, and two real databases.
QStringList makeOpenPool(const QDir &dir, const QString &demo, const QString &second)
{
    QByteArray junk;
    for (int i = 0; i < 100; ++i)
        junk += "this is a text file, not a database; line " + QByteArray::number(i) + '\n';
    writeFile(dir.filePath(QStringLiteral("junk.txt")), junk);
    writeFile(dir.filePath(QStringLiteral("empty.db")), QByteArray());
    dir.mkpath(QStringLiteral("a-folder.db"));
    return {dir.filePath(QStringLiteral("junk.txt")),
            dir.filePath(QStringLiteral("a-folder.db")),
            dir.filePath(QStringLiteral("missing.db")),
            dir.filePath(QStringLiteral("empty.db")),
            demo,
            second};
}

} // namespace

int main(int argc, char **argv)
{
    const Arguments args = parse(argc, argv);
    if (!args.ok) {
        std::fprintf(stderr, "usage: kalito-monkey [SECONDS] [SEED]\n");
        return 2;
    }
    monkey::FailureReport::install(args.seed, args.seconds);

    // Settings, recent files and logs of this run stay in its own folder: the same seed starts from
    // the same window layout, and a person's own settings are never touched.
    QTemporaryDir temp;
    const QDir dir(temp.path());
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_STATE_HOME", dir.filePath(QStringLiteral("state")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", dir.filePath(QStringLiteral("data")).toLocal8Bit());

    SqlLog::installErrorLog();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("kalito"));
    QCoreApplication::setApplicationName(QStringLiteral("kalito-monkey"));
    // Quit closes the window and the monkey opens a new one; a real quit would stop every later
    // nested event loop (QEventLoop::exec returns at once after QCoreApplication::exit).
    QApplication::setQuitOnLastWindowClosed(false);

    // Enough sessions and messages that lists scroll and pages are fetched.
    DemoOptions demo;
    demo.path = dir.filePath(QStringLiteral("kalito.db"));
    demo.sessions = 300;
    demo.messagesPerSession = 20;
    demo.largeSessionMessages = 1500;
    DemoOptions second;
    second.path = dir.filePath(QStringLiteral("second ünï 文字.db"));
    second.sessions = 25;
    second.messagesPerSession = 8;
    second.seed = 7;
    for (const DemoOptions &o : {demo, second}) {
        const DemoResult made = DemoDatabase::create(o);
        if (made.error.isError()) {
            monkey::FailureReport::fail(
                QStringLiteral("cannot create %1: %2").arg(o.path, made.error.toString()));
            return 1;
        }
    }
    dir.mkpath(QStringLiteral("exports"));

    const QString why = test::BackendWriter::unavailableReason();
    if (!why.isEmpty()) {
        monkey::FailureReport::fail(QStringLiteral("no backend writer: %1").arg(why));
        return 1;
    }
    test::BackendWriter writer;
    if (!writer.start(demo.path, args.seconds + 120)) {
        monkey::FailureReport::fail(
            QStringLiteral("the backend writer did not start: %1").arg(writer.stderrText()));
        return 1;
    }

    monkey::Monkey monkey(args.seed);
    monkey.setOpenPaths(makeOpenPool(dir, demo.path, second.path));
    monkey::ModalWatcher watcher(args.seed, dir.filePath(QStringLiteral("exports")));
    monkey::ModelCoverage coverage;

    Connection connection;
    QPointer<ui::MainWindow> window;
    int windows = 0;
    auto openWindow = [&] {
        // As app/main.cpp does: a window on the connection, shown, then the database opened.
        window = new ui::MainWindow(&connection);
        ++windows;
        if (auto *shell = window->findChild<ui::DesktopShell *>())
            shell->fileActions()->setDialogProvider(
                [&monkey](QWidget *, const QString &, const QString &) { return monkey.pickOpenPath(); });
        else
            qFatal("no DesktopShell in the window: File > Open would show a real file dialog");
        window->show();
        window->activateWindow();
        window->openDatabase({demo.path});
        coverage.scan(window);
    };
    openWindow();

    monkey::FailureReport::startWatchdog(120);
    QElapsedTimer clock;
    clock.start();
    qint64 actions = 0;
    while (clock.elapsed() < qint64(args.seconds) * 1000) {
        monkey::FailureReport::progress();
        watcher.handle();
        if (!window || !window->isVisible()) {
            // Quit closed the window with work perhaps running: shut down as app/main.cpp does after
            // the event loop, then start again on the same connection.
            monkey::FailureReport::setLastAction(QStringLiteral("closing the window after Quit"), false);
            delete window;
            connection.interrupt();
            connection.close().waitForFinished();
            monkey::FailureReport::setLastAction(QStringLiteral("a new window after Quit"), false);
            openWindow();
        }
        if (actions % 16 == 0)
            coverage.scan(window);
        // A person's click brings the window back to the front after a dialog; keys need a focus.
        if (!QApplication::activeModalWidget() && !QApplication::activePopupWidget() &&
            QApplication::activeWindow() != window)
            window->activateWindow();
        monkey.act(window); // names the action to FailureReport before doing it
        ++actions;
        QCoreApplication::processEvents();
        QTest::qWait(monkey.pauseMs()); // pacing: a person's pause between actions, not a wait for one
    }

    monkey::FailureReport::setLastAction(QStringLiteral("closing at the end"), false);
    delete window;
    QCoreApplication::processEvents();
    connection.interrupt();
    connection.close().waitForFinished();

    int failures = 0;
    writer.finish(30000, true);
    const QStringList missing = writer.missingRows(demo.path);
    std::fprintf(stderr, "monkey: %lld actions in %lld ms, %d windows, %d models under test\n",
                 static_cast<long long>(actions), static_cast<long long>(clock.elapsed()), windows,
                 coverage.covered());
    for (int k = 0; k < monkey::Monkey::NumKinds; ++k)
        std::fprintf(stderr, "  %-13s %d\n", qPrintable(monkey::Monkey::kindName(k)), monkey.count(k));
    std::fprintf(stderr, "  quits         %d\n  dialogs answered %d, popups handled %d\n", monkey.quits(),
                 watcher.dialogsAnswered(), watcher.popupsHandled());
    const int exported = int(
        QDir(dir.filePath(QStringLiteral("exports"))).entryList(QDir::Files | QDir::NoDotAndDotDot).size());
    std::fprintf(stderr, "  exports written %d\n", exported);
    std::fprintf(stderr, "writer: %lld transactions, %lld messages, %lld sessions, exit %d\n",
                 static_cast<long long>(writer.transactions()),
                 static_cast<long long>(writer.messages().size()),
                 static_cast<long long>(writer.sessions().size()), writer.exitCode());
    if (!writer.errors().isEmpty()) {
        ++failures;
        monkey::FailureReport::fail(QStringLiteral("the writer saw %1 error(s), first: %2")
                                        .arg(writer.errors().size())
                                        .arg(writer.errors().constFirst()));
    }
    if (!writer.sawDone() || writer.transactions() == 0) {
        ++failures;
        monkey::FailureReport::fail(
            QStringLiteral("the writer did not finish its run: %1").arg(writer.stderrText()));
    }
    if (!missing.isEmpty()) {
        ++failures;
        monkey::FailureReport::fail(QStringLiteral("%1 row(s) the writer committed are missing, first: %2")
                                        .arg(missing.size())
                                        .arg(missing.constFirst()));
    }
    if (failures == 0)
        std::fprintf(stderr, "monkey: PASS seed=%llu seconds=%d\n",
                     static_cast<unsigned long long>(args.seed), args.seconds);
    return failures == 0 ? 0 : 1;
}
