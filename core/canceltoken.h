#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace kalito {

// The one way to cancel work: a token per request (or per piece of stepped work), cheap to copy,
// shared between the thread that cancels (the window, a signal handler) and the connection thread
// doing the work. The work checks it between its steps; a statement running under it (a
// Database::CancelScope, set by Connection::run) stops through SQLite's progress handler when this
// token is cancelled, and only then: cancelling one request never stops another, unlike a bare
// sqlite3_interrupt, which stops whatever the connection runs at that moment. A child token is
// cancelled with its parent (seen by isCancelled() and the progress handler), or on its own (a
// search and one of its chunks).
class CancelToken
{
public:
    CancelToken() : m_state(std::make_shared<State>()) {}

    void cancel() const
    {
        m_state->cancelled.store(true);
        std::lock_guard<std::mutex> lock(m_state->mutex);
        if (m_state->onCancel)
            m_state->onCancel();
    }
    bool isCancelled() const
    {
        for (const State *s = m_state.get(); s; s = s->parent.get())
            if (s->cancelled.load())
                return true;
        return false;
    }
    // A new token cancelled when this one is, or by its own cancel().
    CancelToken child() const
    {
        CancelToken c;
        c.m_state->parent = m_state;
        return c;
    }
    // For Database::CancelScope: run by cancel() while set (under the token's lock, so the scope
    // can clear it before it ends). Statements that call no progress handler (an integrity check's
    // b-tree walk, a checkpoint's copying) are stopped through it.
    void setOnCancel(std::function<void()> hook) const
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        m_state->onCancel = std::move(hook);
    }
    bool operator==(const CancelToken &o) const { return m_state == o.m_state; }
    bool operator!=(const CancelToken &o) const { return m_state != o.m_state; }

private:
    struct State
    {
        std::atomic<bool> cancelled{false};
        std::shared_ptr<const State> parent;
        std::mutex mutex;
        std::function<void()> onCancel;
    };
    std::shared_ptr<State> m_state;
};

} // namespace kalito
