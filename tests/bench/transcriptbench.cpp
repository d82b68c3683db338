#include "transcriptbench.h"

#include "browse/browserwidget.h"
#include "browse/conversationitems.h"
#include "browse/conversationspage.h"
#include "browse/conversationview.h"
#include "browse/messagesmodel.h"
#include "browse/rowheightcache.h"
#include "browse/schemainfo.h"
#include "browse/sessionsmodel.h"
#include "browse/sessionspane.h"
#include "browse/transcriptview.h"
#include "connection.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace kalito;

namespace TranscriptBench {

namespace {

qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Runs the event loop until ready() holds (checked after every event that woke it), or timeoutMs.
bool waitUntil(const std::function<bool()> &ready, int timeoutMs = 60000)
{
    QElapsedTimer t;
    t.start();
    QTimer tick; // a wake-up now and then, in case readiness changes without an event
    tick.start(5);
    while (!ready()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Every row on screen has its page (nothing painted as a placeholder).
bool screenLoaded(ui::ConversationView *view)
{
    const auto rows = view->visibleRows();
    if (rows.isEmpty())
        return false;
    for (const auto &r : rows) {
        if (!view->model()->cachedRow(r.first))
            return false;
    }
    return true;
}

// Drops the file (and its -wal) from the OS page cache from a child process; the resident bytes
// after, as fincore tells (-1 when it cannot).
qint64 dropFromOsCache(const QString &path)
{
    for (const QString &p : {path, path + QStringLiteral("-wal")}) {
        if (!QFileInfo::exists(p))
            continue;
        QProcess::execute(QStringLiteral("sync"), {QStringLiteral("-d"), p});
        QProcess::execute(QStringLiteral("dd"), {QStringLiteral("if=") + p, QStringLiteral("iflag=nocache"),
                                                 QStringLiteral("count=0"), QStringLiteral("status=none")});
    }
    QProcess fincore;
    fincore.start(QStringLiteral("fincore"), {QStringLiteral("--bytes"), QStringLiteral("--noheadings"),
                                              QStringLiteral("--output"), QStringLiteral("RES"), path});
    if (!fincore.waitForFinished(10000) || fincore.exitCode() != 0)
        return -1;
    return fincore.readAllStandardOutput().trimmed().toLongLong();
}

double median(const QList<double> &v)
{
    return medianOf(v);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(qMin<qsizetype>(v.size() - 1, qsizetype(v.size() * p)));
}

} // namespace

QList<BenchFigure> measure(const QString &path, const QString &largeSessionId, int rounds)
{
    QList<BenchFigure> out;
    QString otherSession;
    {
        Connection c;
        if (!c.open({path}).result().ok())
            return out << BenchFigure::missing(QStringLiteral("transcript_open_last_page_ms"),
                                               QStringLiteral("the database did not open: ") + path);
        const SchemaInfo schema = c.run([](Database &db) { return SchemaInfo::read(db); }).result();
        otherSession = c.run([largeSessionId](Database &db) {
                            return db
                                .scalar(QStringLiteral("SELECT id FROM sessions WHERE id <> ? LIMIT 1"),
                                        {largeSessionId})
                                .toString();
                        }).result();

        // 1. Open at the newest message: TranscriptView::setSession (a conversation opens there by
        //    itself), until the rows on screen are laid out and painted.
        ui::TranscriptView transcript(&c);
        transcript.resize(600, 900);
        transcript.setSchema(schema);
        transcript.setMode(ui::TranscriptView::Mode::Conversation);
        transcript.show();
        ui::ConversationView *view = transcript.conversation();
        ui::MessagesModel *model = transcript.model();
        QList<double> open;
        qint64 rows = -1;
        for (int i = 0; i < qMax(3, rounds); ++i) {
            transcript.setSession(otherSession, QString());
            waitUntil([&] { return model->knownCount() >= 0 && screenLoaded(view); });
            QElapsedTimer t;
            t.start();
            transcript.setSession(largeSessionId, QString());
            if (!waitUntil([&] {
                    return model->knownCount() > 0 && view->isAtBottom() && screenLoaded(view) &&
                           view->visibleRows().last().first == model->knownCount() - 1;
                }))
                return out << BenchFigure::missing(
                           QStringLiteral("transcript_open_last_page_ms"),
                           QStringLiteral("the newest rows were not laid out within the wait"));
            view->viewport()->grab(); // painted
            open << t.nsecsElapsed() / 1e6;
            rows = model->knownCount();
        }
        out << BenchFigure{
            QStringLiteral("transcript_open_last_page_ms"), median(open), QStringLiteral("ms"), -1,
            QStringLiteral("median of %1; TranscriptView 600x900 offscreen, setSession (opens at the "
                           "newest message) until the bottom rows of %2 are laid out and painted; "
                           "goal < 50 ms")
                .arg(open.size())
                .arg(rows)};

        // 2. Page after page down the whole session, each page painted (rows fetched when reached).
        transcript.jumpToStart();
        waitUntil([&] { return screenLoaded(view); });
        QList<double> pages;
        int waited = 0;
        QElapsedTimer all;
        all.start();
        const int step = view->viewport()->height() * 9 / 10;
        while (!view->isAtBottom()) {
            // Between two steps the event loop runs, as between a reader's scroll events: pages
            // asked for ahead (by the last paint) arrive.
            QCoreApplication::processEvents();
            QElapsedTimer t;
            t.start();
            view->scrollBy(step);
            if (!screenLoaded(view)) {
                ++waited;
                if (!waitUntil([&] { return screenLoaded(view); }))
                    break;
            }
            view->viewport()->grab();
            pages << t.nsecsElapsed() / 1e6;
        }
        const double total = all.nsecsElapsed() / 1e6;
        out << BenchFigure{QStringLiteral("transcript_scroll_page_median_ms"), median(pages),
                           QStringLiteral("ms"), -1,
                           QStringLiteral("%1 pages of %2 px down all %3 messages in %4 s; p95 %5 ms, max %6 "
                                          "ms; %7 pages waited for rows; goal < 5 ms")
                               .arg(pages.size())
                               .arg(step)
                               .arg(rows)
                               .arg(total / 1000, 0, 'f', 1)
                               .arg(percentile(pages, 0.95), 0, 'f', 2)
                               .arg(percentile(pages, 1.0), 0, 'f', 1)
                               .arg(waited)};
        out << BenchFigure{QStringLiteral("transcript_peak_rss_mb"), procStatusKb("VmHWM:") / 1024.0,
                           QStringLiteral("MB"), -1,
                           QStringLiteral("VmHWM of the bench process after that scroll; VmRSS now %1 MB; %2 "
                                          "pages of rows, %3 pages of heights cached; goal < 100 MB")
                               .arg(procStatusKb("VmRSS:") / 1024.0, 0, 'f', 1)
                               .arg(model->cachedPages())
                               .arg(view->heights().cachedPages())};
    }

    // 3. A click on the session in the window, its pages dropped from the OS cache, until the
    //    first rows it shows (its newest) are painted in the conversation view.
    {
        auto connection = std::make_unique<Connection>();
        auto window = std::make_unique<ui::MainWindow>(connection.get());
        window->resize(1400, 900);
        window->show();
        ui::ConversationsPage *page = window->browser()->conversations();
        ui::SessionsPane *pane = page->sessions();
        ui::TranscriptView *transcript = page->transcript();
        transcript->setMode(ui::TranscriptView::Mode::Conversation);
        ui::ConversationView *view = transcript->conversation();
        OpenOptions options;
        options.path = path;
        window->openDatabase(options);
        if (!waitUntil([&] { return pane->model()->rowCount() > 0 && pane->model()->cachedRow(0); }))
            return out << BenchFigure::missing(QStringLiteral("session_click_to_transcript_cold_ms"),
                                               QStringLiteral("the window showed no first page of sessions"));
        auto rowOf = [&](const QString &sid) {
            const int row = pane->model()->findSessionRow(sid);
            return row;
        };
        auto click = [&](int row) {
            QTableView *v = pane->view();
            const QModelIndex index = pane->model()->index(row, 0);
            v->scrollTo(index);
            QTest::mouseClick(v->viewport(), Qt::LeftButton, Qt::NoModifier, v->visualRect(index).center());
        };
        // Where the large session is in the list (its page fetched as the list scrolls there), once
        // the list knows how many rows it has (behind the overview's counts on a big file).
        waitUntil([&] { return pane->model()->knownCount() >= 0; }, 120000);
        int bigRow = rowOf(largeSessionId);
        for (int r = 0; bigRow < 0 && r < pane->model()->rowCount(); r += 100) {
            pane->view()->scrollTo(pane->model()->index(r, 0));
            pane->model()->fetchRow(r);
            waitUntil([&] { return pane->model()->cachedRow(r) != nullptr; }, 10000);
            bigRow = rowOf(largeSessionId);
        }
        if (bigRow < 0)
            return out << BenchFigure::missing(
                       QStringLiteral("session_click_to_transcript_cold_ms"),
                       QStringLiteral("the large session %1 was not found in the sessions list")
                           .arg(largeSessionId));
        QList<double> cold;
        qint64 resident = 0;
        for (int i = 0; i < qMax(3, rounds); ++i) {
            click(bigRow == 0 ? 1 : 0); // another session first: the next click is a change
            waitUntil(
                [&] { return transcript->model()->sessionId() != largeSessionId && screenLoaded(view); });
            waitUntil([&] { return connection->pending() == 0; }, 30000);
            resident = qMax(resident, dropFromOsCache(path));
            QElapsedTimer t;
            t.start();
            click(bigRow);
            if (!waitUntil(
                    [&] { return transcript->model()->sessionId() == largeSessionId && screenLoaded(view); }))
                return out << BenchFigure::missing(
                           QStringLiteral("session_click_to_transcript_cold_ms"),
                           QStringLiteral(
                               "the click did not open the session's newest rows within the wait"));
            view->viewport()->grab();
            cold << t.nsecsElapsed() / 1e6;
        }
        out << BenchFigure{
            QStringLiteral("session_click_to_transcript_cold_ms"), median(cold), QStringLiteral("ms"), -1,
            QStringLiteral("median of %1; MainWindow 1400x900 offscreen, a click on the session's "
                           "row until the rows it opens at (its newest) are painted in the "
                           "conversation; the database "
                           "dropped from the OS cache before each (dd iflag=nocache; %2 bytes "
                           "still resident after, fincore); goal < 50 ms")
                .arg(cold.size())
                .arg(resident)};
        window.reset();
        connection.reset();
    }
    return out;
}

} // namespace TranscriptBench
