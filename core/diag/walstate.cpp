#include "walstate.h"

#include "locknames.h"
#include "locktext.h"
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
    if (!walMode)
        return QStringLiteral("wal             (not in WAL mode)\n");
    QString out = QStringLiteral("wal\n");
    auto line = [&out](const QString &key, const QString &value) {
        out += QStringLiteral("  ") + key.leftJustified(16) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("frames"), QString::number(frames));
    line(QStringLiteral("backfilled"), QString::number(backfilled));
    line(QStringLiteral("backlog"), QString::number(backlog()));
    line(QStringLiteral("page_size"),
         pageSize > 0 ? QString::number(pageSize) : QStringLiteral("unknown (no frame in the WAL yet)"));
    line(QStringLiteral("checkpoint_seq"), QString::number(checkpointSequence));
    QStringList rs;
    for (const Reader &r : readers) {
        QStringList pids;
        for (qint64 pid : r.pids)
            pids << QString::number(pid);
        rs << (r.slot == 0 ? QStringLiteral("slot 0, database file only (pid %1)").arg(pids.join(u','))
                           : QStringLiteral("slot %1 at frame %2 (pid %3)")
                                 .arg(r.slot)
                                 .arg(r.mark)
                                 .arg(pids.join(QLatin1Char(','))));
    }
    line(QStringLiteral("readers"), rs.isEmpty() ? QStringLiteral("none") : rs.join(QStringLiteral("; ")));
    if (problem != Problem::None)
        line(QStringLiteral("note"), LockText::walProblem(*this));
    return out;
}

QString WalState::holdersText() const
{
    QString out = QStringLiteral("holders\n");
    if (holders.isEmpty())
        out += QStringLiteral("  (no process holds a lock that matters)\n");
    for (const LockFinding &f : holders)
        out += QStringLiteral("  - ") + LockText::describe(f) + QLatin1Char('\n');
    return out;
}

} // namespace kalito
