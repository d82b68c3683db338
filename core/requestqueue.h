#pragma once

#include "requestpriority.h"

#include <deque>
#include <functional>
#include <mutex>

namespace kalito {

// The connection thread's two queues. take() hands out the oldest interactive job, else the oldest
// background one. A barrier (opening or closing a database) splits the queues: every job queued
// before it runs before it, every job queued after it runs after it, whatever their priorities, so
// no request made for one database runs on the next. Thread-safe.
class RequestQueue
{
public:
    using Job = std::function<void()>;

    void push(Job job, RequestPriority priority);
    void pushBarrier(Job job);
    // The next job to run; empty when nothing is queued.
    Job take();
    // The oldest interactive job queued before the next barrier; empty when there is none.
    Job takeInteractive();
    int size() const;

private:
    struct Segment
    {
        std::deque<Job> interactive;
        std::deque<Job> background;
        Job barrier; // runs once both queues of this segment are empty
    };
    mutable std::mutex m_mutex;
    std::deque<Segment> m_segments{Segment()};
    int m_size = 0;
};

} // namespace kalito
