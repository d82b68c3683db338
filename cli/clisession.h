#pragma once

#include "canceltoken.h"
#include "connection.h"
#include "signalwatcher.h"

#include <QEventLoop>
#include <QFutureWatcher>

namespace kalito::cli {

// A subcommand's connection: the same Connection the window uses, with Ctrl+C / SIGTERM
// interrupting the running statement instead of killing the process mid-write.
class CliSession
{
public:
    CliSession();

    // Opens; on failure prints "kalito-inspector: PATH: reason" to stderr and returns false.
    bool open(const OpenOptions &options);
    Connection &connection() { return m_connection; }
    bool wasInterrupted() const { return m_interrupted; }
    // Set by Ctrl+C / SIGTERM too: busy handlers (a waiting checkpoint) poll it.
    CancelToken cancelToken() const { return m_cancel; }

    // Runs under cancelToken(): Ctrl+C stops the statement.
    template<typename Work> auto run(Work work)
    {
        return await(m_connection.run(std::move(work), Connection::Priority::Interactive, m_cancel));
    }

    // Waits for a future while the event loop runs, so signals are still handled.
    template<typename T> static T await(QFuture<T> future)
    {
        if (!future.isFinished()) {
            QEventLoop loop;
            QFutureWatcher<T> watcher;
            QObject::connect(&watcher, &QFutureWatcher<T>::finished, &loop, &QEventLoop::quit);
            watcher.setFuture(future);
            if (!future.isFinished())
                loop.exec();
        }
        return future.result();
    }

private:
    Connection m_connection;
    SignalWatcher m_signals;
    bool m_interrupted = false;
    CancelToken m_cancel;
};

} // namespace kalito::cli
