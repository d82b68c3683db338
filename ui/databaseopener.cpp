#include "databaseopener.h"

#include "connection.h"
#include "demodatabase.h"
#include "logging.h"
#include "offthread.h"
#include "openadvice.h"
#include "openadvicedialog.h"
#include "readonlycopy.h"
#include "whenfinished.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <QWidget>

#include <utility>

namespace kalito::ui {

// Written by the worker (a task on the opener's own pool), read on the GUI thread: the counters
// while it runs (polled), the results once its future has finished.
struct DatabaseOpener::WorkerState
{
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    CancelToken cancel; // the copy's
    ReadOnlyCopy copy;
    DemoResult demo;
};

namespace {

QString nameOf(const QString &path)
{
    return QFileInfo(path).fileName();
}

} // namespace

DatabaseOpener::DatabaseOpener(Connection *connection, QWidget *dialogParent)
    : QObject(dialogParent), m_connection(connection), m_dialogParent(dialogParent)
{
    setObjectName(QStringLiteral("databaseOpener"));
    m_pool.setMaxThreadCount(1); // one copy or demo at a time, never on the global pool's threads
    m_pool.setObjectName(QStringLiteral("kalito-opener"));
}

DatabaseOpener::~DatabaseOpener()
{
    if (m_working)
        m_state->cancel.cancel(); // a copy stops after its chunk; a demo is small and finishes
    m_pool.waitForDone();         // the worker's callback, a child of this, is never delivered
    if (!m_newCopyFolder.isEmpty())
        QDir(m_newCopyFolder).removeRecursively();
}

void DatabaseOpener::request(Kind kind, const OpenOptions &options)
{
    Request r{kind, options};
    if (!m_current) {
        m_current = r;
        start();
        return;
    }
    // Only the latest waits; a copy under way (the only long step) gives way to it at once.
    m_pending = r;
    if (canCancel())
        m_state->cancel.cancel();
    emit busy(tr("Finishing the open under way, then opening %1…").arg(nameOf(options.path)));
}

void DatabaseOpener::cancel()
{
    if (canCancel())
        m_state->cancel.cancel();
}

void DatabaseOpener::start()
{
    const OpenOptions options = m_current->options;
    switch (m_current->kind) {
    case Kind::Open:
        emit busy(tr("Checking %1…").arg(nameOf(options.path)));
        emit progress(0, 0);
        // On the connection thread: the check reads the file's header, which must never happen
        // while this process has a connection on it; there no open can slip in between.
        whenFinished(this, m_connection->run([options](Database &) {
            return OpenAdvice::before(options.path, options.readOnly);
        }),
                     [this](const OpenAdvice &advice) { afterAdvice(advice); });
        return;
    case Kind::Copy:
        closeThenCopy();
        return;
    case Kind::Demo:
        makeDemo();
        return;
    }
}

void DatabaseOpener::afterAdvice(const OpenAdvice &advice)
{
    if (m_pending) { // the person asked for another file meanwhile: this one is not opened at all
        finish();
        return;
    }
    if (!advice.offerCopy()) {
        openNow(m_current->options); // an error in the advice is the open's own error: it says it
        return;
    }
    switch (OpenAdviceDialog::ask(m_dialogParent, advice)) { // modal: the event loop keeps running
    case OpenAdviceDialog::Choice::Cancel:
        finish();
        return;
    case OpenAdviceDialog::Choice::OpenCopy:
        m_current->kind = Kind::Copy;
        closeThenCopy();
        return;
    case OpenAdviceDialog::Choice::OpenAnyway:
        openNow(m_current->options);
        return;
    }
}

void DatabaseOpener::closeThenCopy()
{
    const OpenOptions options = m_current->options;
    // The copy reads the files through descriptors: no connection of ours may be on them
    // (closing such a descriptor would drop the connection's locks). Another database open now
    // stays open.
    const OpenResult current = m_connection->openResult();
    const bool copyingOpenFile =
        m_connection->isOpen() && current.path == QFileInfo(options.path).absoluteFilePath();
    if (!copyingOpenFile) {
        copy(OpenOptions());
        return;
    }
    OpenOptions reopen;
    reopen.path = current.path;
    reopen.readOnly = current.readOnly;
    emit busy(tr("Closing %1 to copy it…").arg(nameOf(current.path)));
    whenFinished(this, m_connection->close(), [this, reopen](const CloseReport &) { copy(reopen); });
}

void DatabaseOpener::copy(const OpenOptions &reopen)
{
    const QString path = m_current->options.path;
    runWorker(
        tr("Copying %1…").arg(nameOf(path)),
        [path](WorkerState &s) {
            s.copy = ReadOnlyCopy::make(path, QString(), [&s](qint64 done, qint64 total) {
                s.done = done;
                s.total = total;
                return !s.cancel.isCancelled();
            });
        },
        [this, reopen, path] {
            const ReadOnlyCopy c = m_state->copy;
            if (!c.cancelled && !c.error.isError()) {
                m_newCopyFolder = c.folder;
                OpenOptions o = m_current->options;
                o.path = c.path;
                o.readOnly = true;
                openNow(o);
                return;
            }
            emit copyFailed(c.error, c.cancelled);
            if (reopen.path.isEmpty()) {
                finish();
                return;
            }
            openNow(reopen); // what was open before the copy opens again
        });
}

void DatabaseOpener::makeDemo()
{
    DemoOptions demo;
    demo.path = m_current->options.path;
    runWorker(
        tr("Creating the demo database %1…").arg(QDir::toNativeSeparators(demo.path)),
        [demo](WorkerState &s) {
            QDir().mkpath(QFileInfo(demo.path).absolutePath());
            s.demo = DemoDatabase::create(demo, [&s](qint64 done, qint64 total) {
                s.done = done;
                s.total = total;
            });
        },
        [this] {
            if (m_state->demo.error.isError()) {
                emit demoFailed(m_state->demo.error);
                finish();
                return;
            }
            openNow(m_current->options);
        });
}

void DatabaseOpener::runWorker(const QString &what, std::function<void(WorkerState &)> work,
                               std::function<void()> done)
{
    emit busy(what);
    emit progress(0, 0);
    m_state = std::make_shared<WorkerState>();
    if (m_pending && m_current->kind == Kind::Copy)
        m_state->cancel.cancel(); // asked for something else while the old database closed
    auto state = m_state;
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, state] { emit progress(state->done, state->total); });
    m_working = true;
    whenFinished(this, offThread([state, work] { work(*state); }, &m_pool), [this, poll, done] {
        delete poll;
        m_working = false;
        emit progress(m_state->done, m_state->total);
        done();
    });
    poll->start();
}

void DatabaseOpener::openNow(const OpenOptions &options)
{
    emit busy(tr("Opening %1…").arg(nameOf(options.path)));
    emit progress(0, 0);
    whenFinished(this, m_connection->open(options), [this](const OpenResult &r) {
        if (r.ok()) {
            // The copy open until now is no longer in use (unless it is what opened again).
            const bool inOldCopy =
                !m_copyFolder.isEmpty() && r.path.startsWith(m_copyFolder + QLatin1Char('/'));
            if (!m_copyFolder.isEmpty() && !inOldCopy)
                QDir(m_copyFolder).removeRecursively();
            if (!m_newCopyFolder.isEmpty())
                m_copyFolder = std::exchange(m_newCopyFolder, QString());
            else if (!inOldCopy)
                m_copyFolder.clear();
        } else if (!m_newCopyFolder.isEmpty()) {
            QDir(std::exchange(m_newCopyFolder, QString())).removeRecursively();
        }
        emit opened(r, m_pending.has_value());
        finish();
    });
}

void DatabaseOpener::finish()
{
    m_current.reset();
    if (m_pending) {
        m_current = std::exchange(m_pending, std::nullopt);
        start();
        return;
    }
    emit idle();
}

} // namespace kalito::ui
