#include "stallsampler.h"

#include <QtGlobal>

#include <atomic>
#include <chrono>
#include <csignal>
#include <execinfo.h>
#include <pthread.h>
#include <thread>
#include <unistd.h>

namespace kalito::test {

namespace {

std::atomic<qint64> s_beatMs{0};
std::atomic<bool> s_paused{false};
std::atomic<bool> s_started{false};

qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void printStack(int)
{
    static const char header[] = "\n--- GUI thread stack during a stall ---\n";
    ::write(2, header, sizeof header - 1);
    void *frames[64];
    const int n = ::backtrace(frames, 64);
    ::backtrace_symbols_fd(frames, n, 2);
}

} // namespace

void StallSampler::startIfAsked()
{
    const int lateMs = qEnvironmentVariableIntValue("KALITO_STALL_BACKTRACE");
    if (lateMs <= 0 || s_started.exchange(true))
        return;
    std::signal(SIGUSR2, printStack);
    beat();
    const pthread_t gui = ::pthread_self();
    std::thread([gui, lateMs] {
        qint64 reportedBeat = -1;
        for (;;) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            const qint64 beatMs = s_beatMs.load();
            if (s_paused.load() || beatMs == reportedBeat || nowMs() - beatMs < lateMs)
                continue;
            reportedBeat = beatMs; // one stack per stall
            ::pthread_kill(gui, SIGUSR2);
        }
    }).detach();
}

void StallSampler::beat()
{
    s_beatMs = nowMs();
}

void StallSampler::setPaused(bool paused)
{
    s_paused = paused;
    if (!paused)
        beat();
}

} // namespace kalito::test
