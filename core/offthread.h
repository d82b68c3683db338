#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <type_traits>
#include <utility>

namespace kalito {

// The one way to run work that does not touch the database off the GUI thread (reading a file,
// parsing or measuring a long text, /proc): fn() runs on Qt's global thread pool and its value
// comes back through the future; take it with whenFinished(context, future, fn), which calls
// back on the context's thread and never after the context is gone. (Work on the database goes
// through Connection::run, on the connection's own thread.)
template<typename Fn> auto offThread(Fn fn) -> QFuture<std::invoke_result_t<Fn>>
{
    using T = std::invoke_result_t<Fn>;
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, fn = std::move(fn)]() mutable {
        promise->addResult(fn());
        promise->finish();
    });
    return future;
}

} // namespace kalito
