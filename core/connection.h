#pragma once

#include "closereport.h"
#include "database.h"
#include "openresult.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>

namespace kalito {

// The one app-wide connection. It lives on its own thread; the GUI thread never runs SQL.
// Requests are functions run against the Database on that thread, one at a time, in order;
// each returns a plain value that arrives through a QFuture (use whenFinished(context, future, fn)
// back on the caller's thread). Every request finishes its statements before the next starts.
class Connection : public QObject
{
    Q_OBJECT
public:
    explicit Connection(QObject *parent = nullptr);
    ~Connection() override; // closes the database (with its polite checkpoint) and joins the thread

    // Opens a database; the one open now stays open (and in use) unless the new one opened.
    QFuture<OpenResult> open(const OpenOptions &options);
    QFuture<CloseReport> close();

    // Runs work(Database&) on the connection thread. The result type must be default-constructible
    // (it is returned default-made if the connection was shut down before the request ran).
    template<typename Work> auto run(Work work) -> QFuture<std::invoke_result_t<Work, Database &>>;

    // Stops the running statement (sqlite3_interrupt); the request returns an Interrupted error.
    void interrupt();

    // Thread-safe snapshot of the last open.
    bool isOpen() const;
    OpenResult openResult() const;

    // Requests queued or running.
    int pending() const { return m_pending.loadRelaxed(); }

signals:
    void opened(const kalito::OpenResult &result);
    void closed(const kalito::CloseReport &report);

private:
    void post(std::function<void()> job);
    void afterRequest();

    QThread m_thread;
    QObject *m_worker = nullptr;    // lives on m_thread; runs the jobs
    std::unique_ptr<Database> m_db; // used on m_thread; replaced there under m_interruptMutex
    std::mutex m_interruptMutex;    // lets interrupt() reach m_db from other threads
    QAtomicInt m_pending;
    mutable std::mutex m_stateMutex;
    OpenResult m_openResult;
    bool m_isOpen = false;
};

template<typename Work> auto Connection::run(Work work) -> QFuture<std::invoke_result_t<Work, Database &>>
{
    using Result = std::invoke_result_t<Work, Database &>;
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    m_pending.ref();
    post([this, promise, work = std::move(work)]() mutable {
        promise->addResult(work(*m_db));
        afterRequest();
        m_pending.deref();
        promise->finish();
    });
    return future;
}

} // namespace kalito
