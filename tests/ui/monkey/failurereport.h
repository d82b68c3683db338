#pragma once

#include <QString>

#include <cstdint>

namespace kalito::monkey {

// Makes every way the monkey can fail name its seed: a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL), an
// abort (qFatal, a fatal QAbstractItemModelTester, a failed assertion, a checkIndex warning), an
// AddressSanitizer or UBSan report, a hang, or a failure found at the end. The line is composed once, up
// front, so that a signal handler can write it without allocating.
class FailureReport
{
public:
    // Prints "monkey seed=N seconds=S" to stderr and installs the handlers.
    static void install(std::uint64_t seed, int seconds);
    // "monkey seed=N seconds=S" and "reproduce: ./dev monkey S N", for failures found by the code.
    static void fail(const QString &why);
    // The watchdog: aborts (printing the seed) when progress() is not called for `seconds`.
    static void startWatchdog(int seconds);
    static void progress();
    // What is being done, printed with a crash ("click at 120,40 on QHeaderView"): set before
    // the action, so that a crash inside it names it. isAction false for the harness's own steps.
    static void setLastAction(const QString &action, bool isAction = true);
};

} // namespace kalito::monkey
