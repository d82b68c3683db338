#include "lockdiagnosis.h"

#include "lockgraph.h"
#include "lockreport.h"
#include "locktext.h"

#include <algorithm>

namespace kalito {

QList<LockFinding> LockDiagnosis::findings(const LockReport &r, const LockHistory *history)
{
    using K = LockFinding::Kind;
    auto note = [](K kind) {
        LockFinding f;
        f.kind = kind;
        return f;
    };
    if (!r.ok()) {
        LockFinding f = note(K::ReportFailed);
        f.error = r.error;
        return {f};
    }
    QList<LockFinding> out = LockGraph::build(r, history).findings;
    if (!r.procAvailable)
        out.append(note(K::NoProc));
    else if (!r.procLocksAvailable)
        out.append(note(K::NoProcLocks));
    else if (r.probeForced)
        out.append(note(K::ProbeForced));
    if (std::any_of(r.locks.cbegin(), r.locks.cend(), [](const LockReport::Lock &l) { return l.pid < 0; }))
        out.append(note(K::OfdLocks));
    if (!r.hiddenByUser.isEmpty()) {
        LockFinding f = note(K::HiddenUsers);
        f.hiddenByUser = r.hiddenByUser;
        out.append(f);
    }
    return out;
}

QStringList LockDiagnosis::sentences(const LockReport &r, const LockHistory *history)
{
    QStringList out;
    for (const LockFinding &f : findings(r, history))
        out.append(LockText::describe(f));
    return out;
}

} // namespace kalito
