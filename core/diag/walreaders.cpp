#include "walreaders.h"

#include "locknames.h"
#include "lockreport.h"

namespace kalito {

QList<WalReader> WalReaders::of(const LockReport &report)
{
    QList<WalReader> readers;
    for (const LockReport::Lock &l : report.locks) {
        // A write lock on a read byte is a checkpointer (read0) or a writer moving a mark, not a
        // reader.
        const int slot = LockNames::readSlot(l.lock);
        if (l.file != QLatin1String("shm") || l.write || slot < 0)
            continue;
        const bool seen = std::any_of(readers.cbegin(), readers.cend(), [&l, slot](const WalReader &o) {
            return o.pid == l.pid && o.slot == slot;
        });
        if (!seen)
            readers.append({l.pid, slot});
    }
    return readers;
}

} // namespace kalito
