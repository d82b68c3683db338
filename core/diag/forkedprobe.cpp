#include "forkedprobe.h"

#include "childprobe.h"
#include "proberunner.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kalito {

namespace {

void writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

} // namespace

ProbeResult ForkedProbe::run(const QString &databasePath, int timeoutMs)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return ProbeRunner::fromOutput({}, "pipe2 failed", true);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return ProbeRunner::fromOutput({}, "fork failed", true);
    }
    if (pid == 0) {
        // The child: never returns into the parent's code, never runs its atexit handlers or
        // static destructors (they would flush the parent's stdio buffers and close its log).
        ::close(fds[0]);
        const ProbeResult r = ChildProbe::probeHere(databasePath);
        writeAll(fds[1], QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact));
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray out;
    QElapsedTimer t;
    t.start();
    bool finished = false;
    char buffer[4096];
    while (!finished) {
        const qint64 left = timeoutMs - t.elapsed();
        if (left <= 0)
            break;
        struct pollfd p = {fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, int(left));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            break;
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            finished = true; // end of file: the child wrote everything and exited
        else
            out.append(buffer, n);
    }
    ::close(fds[0]);
    if (!finished)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return ProbeRunner::fromOutput(out, QByteArray(), finished);
}

} // namespace kalito
