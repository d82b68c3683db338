#pragma once

#include <atomic>
#include <memory>

namespace kalito {

// Shared between the thread that asks for a cancel (the window, a signal handler) and the
// connection thread doing the work, which checks it between steps and in busy handlers.
class CancelFlag
{
public:
    CancelFlag() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}
    void cancel() const { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

} // namespace kalito
