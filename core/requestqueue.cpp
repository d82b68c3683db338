#include "requestqueue.h"

#include <utility>

namespace kalito {

void RequestQueue::push(Job job, RequestPriority priority)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Segment &last = m_segments.back();
    (priority == RequestPriority::Interactive ? last.interactive : last.background).push_back(std::move(job));
    ++m_size;
}

void RequestQueue::pushBarrier(Job job)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_segments.back().barrier = std::move(job);
    m_segments.emplace_back();
    ++m_size;
}

RequestQueue::Job RequestQueue::take()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // Only the last segment has no barrier, so the first one always holds a job unless the
    // whole queue is empty.
    Segment &first = m_segments.front();
    Job job;
    if (!first.interactive.empty()) {
        job = std::move(first.interactive.front());
        first.interactive.pop_front();
    } else if (!first.background.empty()) {
        job = std::move(first.background.front());
        first.background.pop_front();
    } else if (first.barrier) {
        job = std::move(first.barrier);
        m_segments.pop_front();
    } else {
        return Job();
    }
    --m_size;
    return job;
}

RequestQueue::Job RequestQueue::takeInteractive()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Segment &first = m_segments.front();
    if (first.interactive.empty())
        return Job();
    Job job = std::move(first.interactive.front());
    first.interactive.pop_front();
    --m_size;
    return job;
}

int RequestQueue::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_size;
}

} // namespace kalito
