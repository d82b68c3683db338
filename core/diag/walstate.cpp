#include "walstate.h"

#include "locknames.h"
#include "locktext.h"
#include "statustext.h"
#include "walreaders.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kalito {

WalState WalState::from(const LockReport &report)
{
    WalState s;
    const ProbeResult &probe = report.probe;
    s.walMode = report.walMode;
    s.shmExists = probe.shmExists;
    s.walExists = probe.walExists;
    s.stale = report.shmStale;
    s.holders = report.holders();
    if (!report.ok()) {
        s.problem = Problem::ReportFailed;
        s.problemError = report.error;
        return s;
    }
    const WalIndexHeader shm = probe.shm();
    const WalFileHeader wal = probe.wal();
    s.walBytes = probe.walBytes;
    s.walFrameSlots = wal.frameSlots();
    s.checkpointSequence = wal.isValid() ? wal.checkpointSequence : 0;
    s.headerValid = shm.isValid();
    s.pageSize = shm.isValid() && shm.pageSize > 0 ? shm.pageSize : (wal.isValid() ? int(wal.pageSize) : 0);
    s.walIndex = shm;
    if (probe.shmError.isError()) {
        s.problem = Problem::ShmUnreadable;
        s.problemError = probe.shmError;
    } else if (!shm.isValid()) {
        s.problem = Problem::WalIndexInvalid;
    } else if (s.stale) {
        s.problem = Problem::StaleShm;
    }
    if (shm.isValid()) {
        s.frames = shm.mxFrame;
        s.backfilled = shm.nBackfill;
        s.readMarks = shm.readMarks;
    }
    const QList<WalReader> onSlots = WalReaders::of(report);
    for (int slot = 0; slot <= 4; ++slot) {
        Reader reader;
        reader.slot = slot;
        // Read slot 0's mark is always 0: its readers see the database file alone.
        reader.mark = slot == 0 ? 0 : s.readMarks.at(size_t(slot));
        for (const WalReader &r : onSlots) {
            if (r.slot == slot && !reader.pids.contains(r.pid))
                reader.pids << r.pid;
        }
        if (!reader.pids.isEmpty())
            s.readers << reader;
    }
    return s;
}

QJsonValue WalState::toJson() const
{
    if (!walMode)
        return QJsonValue::Null;
    QJsonArray readerArray;
    for (const Reader &r : readers) {
        QJsonArray pids;
        for (qint64 pid : r.pids)
            pids.append(pid);
        readerArray.append(QJsonObject{{QStringLiteral("slot"), r.slot},
                                       {QStringLiteral("mark"), qint64(r.mark)},
                                       {QStringLiteral("pids"), pids}});
    }
    QJsonArray marks;
    for (quint32 m : readMarks)
        marks.append(m == WalIndexHeader::kUnusedMark ? QJsonValue(QJsonValue::Null) : QJsonValue(qint64(m)));
    QJsonObject o{{QStringLiteral("frames"), qint64(frames)},
                  {QStringLiteral("backfilled"), qint64(backfilled)},
                  {QStringLiteral("backlog"), qint64(backlog())},
                  {QStringLiteral("page_size"), pageSize > 0 ? QJsonValue(pageSize) : QJsonValue()},
                  {QStringLiteral("checkpoint_seq"), qint64(checkpointSequence)},
                  {QStringLiteral("readers"), readerArray},
                  {QStringLiteral("read_marks"), marks},
                  {QStringLiteral("wal_bytes"), walBytes},
                  {QStringLiteral("shm_valid"), headerValid},
                  {QStringLiteral("shm_stale"), stale}};
    if (problem != Problem::None)
        o.insert(QStringLiteral("problem"), LockText::walProblem(*this));
    return o;
}

QString WalState::toText() const
{
    return StatusText::wal(*this);
}

QString WalState::holdersText() const
{
    return StatusText::holders(*this);
}

} // namespace kalito
