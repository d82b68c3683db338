#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace kalito {

// The one way to run work that does not touch the database off the GUI thread (reading a file,
// parsing or measuring a long text, /proc, copying a file, writing settings): fn() runs on a
// thread pool and its value (if any) comes back through the future; take it with
// whenFinished(context, future, fn), which calls back on the context's thread and never after the
// context is gone. Short work uses Qt's global pool. Long work, or work that must run in order,
// passes a pool of its own (a DatabaseOpener's copy, the settings writer: one thread, so its
// tasks run one after the other, and the pool's destructor waits for them), so that it never
// holds up the short work of the global pool. (Work on the database goes through
// Connection::run, on the connection's own thread.)
template<typename Fn>
auto offThread(Fn fn, QThreadPool *pool = QThreadPool::globalInstance()) -> QFuture<std::invoke_result_t<Fn>>
{
    using T = std::invoke_result_t<Fn>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    pool->start([promise, fn = std::move(fn)]() mutable {
        if constexpr (std::is_void_v<T>)
            fn();
        else
            promise->addResult(fn());
        promise->finish();
    });
    return future;
}

} // namespace kalito
