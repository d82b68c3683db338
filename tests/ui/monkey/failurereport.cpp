#include "failurereport.h"

#include <QByteArray>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <execinfo.h>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define KALITO_MONKEY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/common_interface_defs.h>
#define KALITO_MONKEY_ASAN 1
#endif
#endif

namespace kalito::monkey {

namespace {

// Written by signal handlers: fixed buffers, filled before anything can fail.
char g_banner[256];
size_t g_bannerLength = 0;
char g_lastAction[512];
std::atomic<size_t> g_lastActionLength{0};
std::atomic<std::int64_t> g_lastProgress{0};
std::atomic<std::int64_t> g_startMs{0};
std::atomic<std::int64_t> g_actions{0};
QtMessageHandler g_previousHandler = nullptr;

std::int64_t nowSeconds()
{
    using namespace std::chrono;
    return duration_cast<seconds>(steady_clock::now().time_since_epoch()).count();
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void writeAll(const char *text, size_t length)
{
    while (length > 0) {
        const ssize_t n = ::write(STDERR_FILENO, text, length);
        if (n <= 0)
            return;
        text += n;
        length -= size_t(n);
    }
}

void writeBanner(const char *what)
{
    writeAll("\nmonkey FAILED: ", std::strlen("\nmonkey FAILED: "));
    writeAll(what, std::strlen(what));
    writeAll("\n", 1);
    char when[96];
    const int w =
        std::snprintf(when, sizeof when, "after %.1f s and %lld actions\n",
                      double(nowMs() - g_startMs.load()) / 1000.0, static_cast<long long>(g_actions.load()));
    if (w > 0)
        writeAll(when, size_t(w));
    const size_t n = g_lastActionLength.load();
    if (n > 0) {
        writeAll("last action: ", std::strlen("last action: "));
        writeAll(g_lastAction, n);
        writeAll("\n", 1);
    }
    writeAll(g_banner, g_bannerLength);
}

void onSignal(int sig)
{
    // Where it happened: an abort (qFatal, Q_ASSERT, the model tester) prints no stack of its own.
#ifdef KALITO_MONKEY_ASAN
    __sanitizer_print_stack_trace();
#else
    void *frames[64];
    backtrace_symbols_fd(frames, backtrace(frames, 64), STDERR_FILENO);
#endif
    writeBanner(sig == SIGABRT ? "abort (qFatal, model tester, assertion)" : strsignal(sig));
    // SA_RESETHAND restored the default action: let the signal kill us as it would have.
    ::raise(sig);
}

void onSanitizerDeath()
{
    writeBanner("sanitizer report above");
}

void onMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    // A fatal message aborts right after this returns: the SIGABRT handler prints the seed.
    // A model asked for an index out of its range or of another model is a bug in the caller,
    // harmless only by luck (the same row read directly would be out of bounds): a failure, with
    // the stack that asked. (An invalid index is answered quietly by the project's models.)
    if (context.category && std::strcmp(context.category, "qt.core.qabstractitemmodel.checkindex") == 0) {
        const char why[] = "a model was asked for a bad index (checkIndex warning above)\n";
        writeAll(why, sizeof why - 1);
        std::abort();
    }
}

void installSignal(int sig)
{
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onSignal;
    // SA_ONSTACK: a stack overflow (runaway recursion on the GUI thread) leaves no stack for the
    // handler, and the process died with no word (stop 17's and 18's dev-build SIGSEGVs printed
    // nothing); on the alternate stack the handler still prints the frames and the seed.
    action.sa_flags = SA_RESETHAND | SA_NODEFER | SA_ONSTACK;
    sigaction(sig, &action, nullptr);
}

} // namespace

void FailureReport::install(std::uint64_t seed, int seconds)
{
    const QByteArray banner = QByteArray("monkey seed=") + QByteArray::number(quint64(seed)) +
                              " seconds=" + QByteArray::number(seconds) + "\nreproduce: ./dev monkey " +
                              QByteArray::number(seconds) + ' ' + QByteArray::number(quint64(seed)) + '\n';
    g_bannerLength = size_t(qMin<qsizetype>(banner.size(), sizeof g_banner));
    std::memcpy(g_banner, banner.constData(), g_bannerLength);
    g_startMs.store(nowMs());
    std::fprintf(stderr, "monkey seed=%llu seconds=%d\n", static_cast<unsigned long long>(seed), seconds);
    std::fflush(stderr);

    // The GUI thread's alternate signal stack (see installSignal), and core files allowed, so a
    // crash that repeats only under CI's timing leaves one to read with gdb.
    static char altStack[256 * 1024];
    stack_t ss;
    std::memset(&ss, 0, sizeof ss);
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    sigaltstack(&ss, nullptr);
    struct rlimit core;
    if (getrlimit(RLIMIT_CORE, &core) == 0) {
        core.rlim_cur = core.rlim_max;
        setrlimit(RLIMIT_CORE, &core);
    }

    installSignal(SIGABRT);
#ifdef KALITO_MONKEY_ASAN
    // AddressSanitizer handles SIGSEGV itself and prints the report; it calls back before dying.
    __sanitizer_set_death_callback(onSanitizerDeath);
#else
    installSignal(SIGSEGV);
    installSignal(SIGBUS);
    installSignal(SIGFPE);
    installSignal(SIGILL);
    (void)onSanitizerDeath;
#endif
    g_previousHandler = qInstallMessageHandler(onMessage);
}

void FailureReport::fail(const QString &why)
{
    const QByteArray text = why.toLocal8Bit();
    writeBanner(text.constData());
}

void FailureReport::startWatchdog(int seconds)
{
    progress();
    std::thread([seconds] {
        for (;;) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
            if (nowSeconds() - g_lastProgress.load() > seconds) {
                char why[96];
                std::snprintf(why, sizeof why, "no progress for %d s (the window hangs)", seconds);
                writeBanner(why);
                std::signal(SIGABRT, SIG_DFL); // the seed is printed; no second banner
                std::abort();
            }
        }
    }).detach();
}

void FailureReport::progress()
{
    g_lastProgress.store(nowSeconds());
}

void FailureReport::setLastAction(const QString &action, bool isAction)
{
    // KALITO_MONKEY_LOG=1 prints every action: the way to see what a seed does before it fails.
    static const bool log = qEnvironmentVariableIntValue("KALITO_MONKEY_LOG") != 0;
    if (log)
        std::fprintf(stderr, "monkey %lld: %s\n", static_cast<long long>(g_actions.load()),
                     action.toUtf8().constData());
    const QByteArray text = action.toUtf8().left(int(sizeof g_lastAction));
    // Not strictly race-free against a signal mid-copy; at worst the line is garbled.
    if (isAction)
        g_actions.fetch_add(1);
    g_lastActionLength.store(0);
    std::memcpy(g_lastAction, text.constData(), size_t(text.size()));
    g_lastActionLength.store(size_t(text.size()));
}

} // namespace kalito::monkey
