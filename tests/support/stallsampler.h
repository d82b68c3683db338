#pragma once

namespace kalito::test {

// A diagnostic for StallWatch, off unless KALITO_STALL_BACKTRACE=MS is set: a thread that, when
// the GUI thread's heartbeat is MS milliseconds late, interrupts that thread with SIGUSR2 and
// prints its stack to stderr (resolve the "(+0x...)" offsets with addr2line -f -C -e BINARY).
// It names the code that stalls the event loop without guessing.
class StallSampler
{
public:
    // Starts the sampler for the calling (GUI) thread, once per process, if the variable is set.
    static void startIfAsked();
    // The GUI thread's heartbeat: called on each tick.
    static void beat();
    // The test's own work (StallWatch::Pause): no samples meanwhile.
    static void setPaused(bool paused);
};

} // namespace kalito::test
