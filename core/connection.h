#pragma once

#include "closereport.h"
#include "database.h"
#include "openresult.h"
#include "requestqueue.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <vector>

namespace kalito {

// The one app-wide connection. It lives on its own thread; the GUI thread never runs SQL.
// Requests are functions run against the Database on that thread, one at a time; each returns a
// plain value that arrives through a QFuture (use whenFinished(context, future, fn) back on the
// caller's thread). Every request finishes its statements before the next starts.
// Two queues: an Interactive request (what a person is waiting for) runs before every queued
// Background one, so it waits at most for the request running now; background work is cut into
// short requests for that reason (about 20 ms each). Within a priority, requests run in the order
// they were made; open() and close() run after everything queued before them and before anything
// queued after them.
class Connection : public QObject
{
    Q_OBJECT
public:
    using Priority = RequestPriority;

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override; // closes the database (with its polite checkpoint) and joins the thread

    // Opens a database; the one open now stays open (and in use) unless the new one opened.
    QFuture<OpenResult> open(const OpenOptions &options);
    QFuture<CloseReport> close();

    // Runs work(Database&) on the connection thread. The result type must be default-constructible
    // (it is returned default-made if the connection was shut down before the request ran).
    template<typename Work>
    auto run(Work work, Priority priority = Priority::Interactive)
        -> QFuture<std::invoke_result_t<Work, Database &>>;
    // The same under a cancel token: once it is cancelled, the request's running statement stops
    // (an Interrupted error) and its work sees token.isCancelled(); no other request is touched.
    template<typename Work>
    auto run(Work work, Priority priority, const CancelToken &token)
        -> QFuture<std::invoke_result_t<Work, Database &>>;

    // Runs hook(db) on the connection thread right after every successful open, before anything
    // queued after the open (the SQL log attaches its trace there: no statement goes unseen).
    void addOpenHook(std::function<void(Database &)> hook);

    // Stops the running statement (sqlite3_interrupt), whichever request it belongs to: for
    // quitting (a signal, the command line's Ctrl+C). Cancelling one piece of work goes through its
    // CancelToken (run(work, priority, token)), which never stops another request.
    // Not while serveInteractive() runs a person's request inside a long one.
    void interrupt();

    // Only on the connection thread, inside a long Background request between two of its
    // statements (none open): runs the Interactive requests queued meanwhile, so that a page waits
    // for one step of that request (one table of an integrity check), not the whole of it.
    void serveInteractive();

    // Thread-safe snapshot of the last open.
    bool isOpen() const;
    OpenResult openResult() const;

    // Requests queued or running.
    int pending() const { return m_pending.loadRelaxed(); }
    // Changes whenever the database in use changes (an open that replaced it, a close). Work made of
    // several requests reads it inside each one to notice that it started on another database.
    quint64 databaseSerial() const { return m_databaseSerial.load(); }

signals:
    // Every open's answer (check ok()), however it was asked for: the one signal the window's parts
    // (docks, health strip, desktop shell) follow. Emitted before the open's future finishes.
    void opened(const kalito::OpenResult &result);
    void closed(const kalito::CloseReport &report);

private:
    void post(std::function<void()> job, Priority priority = Priority::Interactive);
    // Runs after everything queued so far and before anything queued later (open, close).
    void postBarrier(std::function<void()> job);
    void runNext();
    void afterRequest();

    QThread m_thread;
    QObject *m_worker = nullptr;    // lives on m_thread; runs the jobs
    std::unique_ptr<Database> m_db; // used on m_thread; replaced there under m_interruptMutex
    std::mutex m_interruptMutex;    // lets interrupt() reach m_db from other threads
    bool m_serving = false;         // serveInteractive() is running a request (under m_interruptMutex)
    QAtomicInt m_pending;
    RequestQueue m_queue;
    std::atomic<quint64> m_databaseSerial{0};
    mutable std::mutex m_stateMutex;
    OpenResult m_openResult;
    std::vector<std::function<void(Database &)>> m_openHooks;
    bool m_isOpen = false;
};

template<typename Work>
auto Connection::run(Work work, Priority priority) -> QFuture<std::invoke_result_t<Work, Database &>>
{
    using Result = std::invoke_result_t<Work, Database &>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    m_pending.ref();
    post(
        [this, promise, work = std::move(work)]() mutable {
            promise->addResult(work(*m_db));
            afterRequest();
            m_pending.deref();
            promise->finish();
        },
        priority);
    return future;
}

template<typename Work>
auto Connection::run(Work work, Priority priority, const CancelToken &token)
    -> QFuture<std::invoke_result_t<Work, Database &>>
{
    return run(
        [work = std::move(work), token](Database &db) mutable {
            const Database::CancelScope scope(db, token);
            return work(db);
        },
        priority);
}

} // namespace kalito
