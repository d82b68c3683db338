#pragma once

#include <QMetaObject>
#include <QPointer>

#include <type_traits>
#include <utility>

namespace kalito::ui {

// Wraps a QFuture continuation so that it always runs later from the context's event loop.
// Qt 6.4 runs `future.then(context, f)` at once, inside the very call that attached it, when the
// request has already finished by then: a model would then change its rows from inside the call
// that asked for them (even from data()). Measured: 22 of 100 first pages arrived that way.
namespace detail {
template<typename T> struct FirstArgument;
template<typename C, typename R, typename A> struct FirstArgument<R (C::*)(A) const>
{
    using Type = std::decay_t<A>;
};
template<typename C, typename R, typename A> struct FirstArgument<R (C::*)(A)>
{
    using Type = std::decay_t<A>;
};
} // namespace detail

template<typename Context, typename Function> auto queued(Context *context, Function function)
{
    // Qt deduces the continuation's argument type, so the wrapper keeps the wrapped lambda's.
    using Value = typename detail::FirstArgument<decltype(&Function::operator())>::Type;
    return [context = QPointer<Context>(context), function = std::move(function)](Value value) mutable {
        if (!context)
            return;
        QMetaObject::invokeMethod(
            context.data(),
            [context, function = std::move(function), value = std::move(value)]() mutable {
                if (context)
                    function(value);
            },
            Qt::QueuedConnection);
    };
}

} // namespace kalito::ui
