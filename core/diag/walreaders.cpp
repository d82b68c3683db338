#include "walreaders.h"

#include "locknames.h"

namespace kalito {

namespace {

void add(QList<WalReader> *readers, const WalReader &r)
{
    for (const WalReader &o : std::as_const(*readers)) {
        if (o.pid == r.pid && o.slot == r.slot)
            return;
    }
    readers->append(r);
}

} // namespace

QList<WalReader> WalReaders::fromProcLocks(const QString &databasePath, const QList<ProcLock> &all)
{
    QList<WalReader> readers;
    for (const ProcLock &l : ProcLocks::on(databasePath + QStringLiteral("-shm"), all)) {
        // A write lock on a read byte is a checkpointer (read0) or a writer moving a mark, not a
        // reader; flock() is not SQLite's.
        if (l.write || l.type == QLatin1String("FLOCK"))
            continue;
        for (const LockNames::Named &n : LockNames::onShm(l.start, l.end, l.write)) {
            const int slot = LockNames::readSlot(n.lock);
            if (slot >= 0)
                add(&readers, {l.pid, slot});
        }
    }
    return readers;
}

QList<WalReader> WalReaders::fromProbe(const ProbeResult &probe)
{
    QList<WalReader> readers;
    for (const ProbeResult::Lock &l : probe.locks) {
        const int slot = LockNames::readSlot(l.lock);
        if (l.file == QLatin1String("shm") && !l.write && slot >= 0)
            add(&readers, {l.pid, slot});
    }
    return readers;
}

} // namespace kalito
