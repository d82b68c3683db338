#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>

namespace kalito {

// Calls fn(result) on context's thread when the future finishes (not at all if context dies);
// for a QFuture<void>, fn() once it has finished.
// Use this instead of QFuture::then(context, ...): with Qt 6.4.2 such continuations were now and
// then never delivered when the connection thread finished a request very quickly (observed in
// tst_diagnostics: roughly one run in three lost one). The watcher lives on context's thread, so
// nothing here races with context's destruction.
template<typename T, typename Fn> void whenFinished(QObject *context, const QFuture<T> &future, Fn fn)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, fn]() mutable {
        watcher->deleteLater();
        if constexpr (std::is_void_v<T>)
            fn();
        else if (watcher->future().resultCount() > 0)
            fn(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace kalito
