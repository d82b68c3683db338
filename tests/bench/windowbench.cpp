#include "windowbench.h"

#include "oscache.h"
#include "stallwatch.h"

#include "browse/browserwidget.h"
#include "browse/conversationspage.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "connection.h"
#include "errortext.h"
#include "mainwindow.h"
#include "overviewpage.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTableView>
#include <QTimer>

#include <functional>
#include <memory>

using namespace kalito;

namespace WindowBench {

namespace {

// Notes the first paint of the sessions view's viewport at which the first page is there to paint.
class PaintSpy : public QObject
{
public:
    PaintSpy(std::function<bool()> ready, std::function<void()> painted)
        : m_ready(std::move(ready)), m_painted(std::move(painted))
    {}
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done && m_ready()) {
            m_done = true;
            m_painted();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_ready;
    std::function<void()> m_painted;
    bool m_done = false;
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Bytes this process has had read from storage (not from the page cache).
qint64 readBytes()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n')) {
        if (line.startsWith("read_bytes:"))
            return line.mid(11).trimmed().toLongLong();
    }
    return -1;
}

} // namespace

ColdRead readAfterColdOpen(const QString &path, int seconds)
{
    ColdRead r;
    r.fileBytes = QFileInfo(path).size();
    const OsCache::Dropped d = OsCache::drop(path);
    if (!d.error.isEmpty()) {
        r.error = d.error;
        return r;
    }
    r.residentAfterDrop = d.residentAfter;
    QElapsedTimer clock;
    clock.start();
    const qint64 before = readBytes();
    auto connection = std::make_unique<Connection>();
    auto window = std::make_unique<ui::MainWindow>(connection.get());
    window->show();
    ui::SessionsModel *model = window->browser()->conversations()->sessions()->model();
    QObject::connect(model, &ui::PagedModel::pageLoaded, model, [&] {
        if (r.firstPageMs < 0)
            r.firstPageMs = clock.nsecsElapsed() / 1e6;
    });
    if (auto *overview = window->findChild<ui::OverviewPage *>()) {
        QObject::connect(overview, &ui::OverviewPage::reportShown, overview, [&] {
            if (r.countsInMs < 0)
                r.countsInMs = clock.nsecsElapsed() / 1e6;
        });
    }
    OpenOptions options;
    options.path = path;
    window->openDatabase(options);
    const QList<int> marks{2, 10, 20, 40, seconds};
    for (int mark : marks) {
        if (mark > seconds || (!r.readAt.isEmpty() && r.readAt.last().first >= mark))
            continue;
        while (clock.elapsed() < mark * 1000) {
            spin(20);
            if (connection->pending() > 0)
                r.idleMs = clock.nsecsElapsed() / 1e6;
        }
        r.readAt << qMakePair(mark, readBytes() - before);
    }
    window.reset();
    connection.reset();
    return r;
}

Run once(const QString &path)
{
    Run r;
    QElapsedTimer clock;
    clock.start();
    test::StallWatch watch;
    // As app/main.cpp: the connection, the window, show(), openDatabase().
    auto connection = std::make_unique<Connection>();
    auto window = std::make_unique<ui::MainWindow>(connection.get());
    window->show();
    ui::SessionsPane *pane = window->browser()->conversations()->sessions();
    ui::SessionsModel *model = pane->model();
    QEventLoop loop;
    PaintSpy spy([model] { return model->rowCount() > 0 && model->cachedRow(0) != nullptr; },
                 [&] {
                     r.firstPageMs = clock.nsecsElapsed() / 1e6;
                     loop.quit();
                 });
    pane->view()->viewport()->installEventFilter(&spy);
    QObject::connect(model, &ui::PagedModel::failed, &loop, [&](const DbError &error) {
        r.error = QStringLiteral("sessions page failed: ") + ErrorText::describe(error);
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, [&] {
        r.error = QStringLiteral("no first page of sessions within 120 s");
        loop.quit();
    });
    OpenOptions options;
    options.path = path;
    watch.start();
    window->openDatabase(options);
    loop.exec();
    r.stallToFirstPageMs = watch.longestMs();
    // The rest of the start (counts, the overview) still runs: a stall then is one a person sees.
    int quiet = 0;
    double lastBusy = clock.nsecsElapsed() / 1e6;
    QElapsedTimer settle;
    settle.start();
    while (r.error.isEmpty() && quiet < 5 && settle.elapsed() < 60000) {
        spin(20);
        if (connection->pending() == 0) {
            ++quiet;
        } else {
            quiet = 0;
            lastBusy = clock.nsecsElapsed() / 1e6;
        }
    }
    r.idleMs = lastBusy;
    watch.stop();
    r.longestStallMs = watch.longestMs();
    r.stallsOver100Ms = int(watch.stallsOver(100).size());
    pane->view()->viewport()->removeEventFilter(&spy);
    window.reset();
    connection.reset(); // closes the database: no connection of ours is left on the file
    return r;
}

Series measure(const QString &path, int coldRuns, int warmRuns)
{
    Series s;
    auto take = [&s](const Run &r, QList<double> *first, QList<double> *idle) {
        if (!r.error.isEmpty()) {
            s.error = r.error;
            return false;
        }
        *first << r.firstPageMs;
        *idle << r.idleMs;
        s.longestStallMs = qMax(s.longestStallMs, r.longestStallMs);
        s.longestStallToFirstPageMs = qMax(s.longestStallToFirstPageMs, r.stallToFirstPageMs);
        s.stallsOver100Ms += r.stallsOver100Ms;
        return true;
    };
    for (int i = 0; i < coldRuns; ++i) {
        const OsCache::Dropped d = OsCache::drop(path);
        if (!d.error.isEmpty()) {
            s.error = d.error;
            return s;
        }
        s.residentAfterDrop = qMax(s.residentAfterDrop, d.residentAfter);
        if (!take(once(path), &s.cold, &s.coldIdle))
            return s;
    }
    QList<double> warmUp, warmUpIdle;
    if (!take(once(path), &warmUp, &warmUpIdle))
        return s;
    for (int i = 0; i < warmRuns; ++i) {
        if (!take(once(path), &s.warm, &s.warmIdle))
            return s;
    }
    return s;
}

} // namespace WindowBench
