#include "lockdiagnosis.h"

#include "lockgraph.h"
#include "lockreport.h"

#include <algorithm>

namespace kalito {

QStringList LockDiagnosis::sentences(const LockReport &r, const LockHistory *history)
{
    QStringList out;
    if (!r.ok()) {
        out.append(r.error);
        return out;
    }
    out = LockGraph::build(r, history).sentences;

    if (!r.procAvailable) {
        out.append(
            QStringLiteral("This system has no /proc: the processes that have the files open cannot be "
                           "listed; the locks come from fcntl(F_GETLK), which names one holder per lock "
                           "byte."));
    } else if (!r.procLocksAvailable) {
        out.append(
            QStringLiteral("/proc/locks is not readable: the locks come from fcntl(F_GETLK), which names one "
                           "holder per lock byte."));
    } else if (r.probeForced) {
        out.append(QStringLiteral("The locks come from fcntl(F_GETLK) (the probe was chosen instead of "
                                  "/proc/locks): it names one holder per lock byte, so of several processes "
                                  "sharing a read lock only one is named."));
    }
    if (std::any_of(r.locks.cbegin(), r.locks.cend(), [](const LockReport::Lock &l) { return l.pid < 0; }))
        out.append(
            QStringLiteral("A lock with pid -1 is an OFD lock (fcntl F_OFD_SETLK): it belongs to an open "
                           "file, not to a process, so its holder cannot be named. SQLite itself does "
                           "not take OFD locks."));
    if (!r.hiddenByUser.isEmpty()) {
        QStringList users;
        for (auto it = r.hiddenByUser.cbegin(); it != r.hiddenByUser.cend(); ++it)
            users.append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()));
        out.append(
            QStringLiteral("The open files of other users' processes are private (%1): a backend running as "
                           "another user appears here only through the locks it holds. To see which of them "
                           "have the database open, run the inspector as that user or as root (e.g. sudo "
                           "kalito-inspector locks PATH).")
                .arg(users.join(QStringLiteral(", "))));
    }
    return out;
}

} // namespace kalito
