#pragma once

#include "canceltoken.h"

#include <QDateTime>

namespace kalito::ui {

// The run/cancel lifecycle of one long request that every view offering it shares (a checkpoint,
// an integrity check): at most one at a time, cancellable through its own token (never another
// request), its last result and when it came. The controllers own one and add their signals.
template<typename Result> class RunState
{
public:
    bool isRunning() const { return m_running; }
    bool hasResult() const { return m_finishedAt.isValid(); }
    const Result &lastResult() const { return m_last; }
    QDateTime lastFinishedAt() const { return m_finishedAt; }

    // Starts a run: the token its request runs under. Only when isRunning() is false.
    CancelToken begin()
    {
        m_token = CancelToken();
        m_running = true;
        return m_token;
    }
    void end(const Result &result)
    {
        m_running = false;
        m_last = result;
        m_finishedAt = QDateTime::currentDateTime();
    }
    // Cancels the running request's token; false when nothing runs.
    bool cancel()
    {
        if (!m_running)
            return false;
        m_token.cancel();
        return true;
    }

private:
    CancelToken m_token;
    bool m_running = false;
    Result m_last;
    QDateTime m_finishedAt;
};

} // namespace kalito::ui
