#include "statustext.h"

#include "locktext.h"
#include "opentext.h"
#include "statusreport.h"
#include "textlocale.h"
#include "walstate.h"

namespace kalito {

QString StatusText::report(const StatusReport &r)
{
    QString out;
    auto line = [&out](const QString &key, const QString &value) {
        out += key.leftJustified(16) + value + QLatin1Char('\n');
    };
    // Sizes as the window shows them, with the exact count for scripts and comparisons.
    auto size = [](qint64 bytes) {
        const QString shown = TextLocale::get().formattedDataSize(bytes);
        return bytes < 1024 ? shown : tr("%1 (%2 bytes)").arg(shown, TextLocale::get().toString(bytes));
    };
    line(tr("path"), r.path);
    line(tr("sqlite"), r.sqliteVersion);
    line(tr("mode"), r.readOnly ? tr("read-only") : tr("read-write"));
    out += tr("pragmas") + QLatin1Char('\n');
    for (const PragmaSetting &p : r.pragmas) {
        QString v = p.actualText(r.pageSize);
        if (!p.took())
            v += tr("   (backend expects %1: %2)").arg(p.expectedText(r.pageSize), OpenText::pragmaReason(p));
        line(QStringLiteral("  ") + p.name, v);
    }
    out += tr("files") + QLatin1Char('\n');
    line(QStringLiteral("  ") + tr("database"), size(r.files.dbBytes));
    line(QStringLiteral("  -wal"), r.files.walExists ? size(r.files.walBytes) : tr("absent"));
    line(QStringLiteral("  -shm"), r.files.shmExists ? size(r.files.shmBytes) : tr("absent"));
    out += tr("tables") + QLatin1Char('\n');
    if (r.tables.isEmpty())
        out += tr("  (no Kalito tables)\n");
    // Names as wide as the longest one plus a gap, counts right-aligned: they never run together.
    qsizetype nameWidth = 14;
    qsizetype countWidth = 1;
    for (const auto &t : r.tables) {
        nameWidth = qMax(nameWidth, t.first.size());
        countWidth = qMax(countWidth, QString::number(t.second).size());
    }
    for (const auto &t : r.tables) {
        out += QStringLiteral("  ") + t.first.leftJustified(nameWidth + 2) +
               QString::number(t.second).rightJustified(countWidth) + QLatin1Char('\n');
    }
    return out;
}

QString StatusText::wal(const WalState &s)
{
    if (!s.walMode)
        return tr("wal             (not in WAL mode)\n");
    QString out = tr("wal") + QLatin1Char('\n');
    auto line = [&out](const QString &key, const QString &value) {
        out += QStringLiteral("  ") + key.leftJustified(16) + value + QLatin1Char('\n');
    };
    line(tr("frames"), QString::number(s.frames));
    line(tr("backfilled"), QString::number(s.backfilled));
    line(tr("backlog"), QString::number(s.backlog()));
    line(tr("page_size"),
         s.pageSize > 0 ? QString::number(s.pageSize) : tr("unknown (no frame in the WAL yet)"));
    line(tr("checkpoint_seq"), QString::number(s.checkpointSequence));
    QStringList rs;
    for (const WalState::Reader &r : s.readers) {
        QStringList pids;
        for (qint64 pid : r.pids)
            pids << QString::number(pid);
        rs << (r.slot == 0 ? tr("slot 0, database file only (pid %1)").arg(pids.join(u','))
                           : tr("slot %1 at frame %2 (pid %3)").arg(r.slot).arg(r.mark).arg(pids.join(u',')));
    }
    line(tr("readers"), rs.isEmpty() ? tr("none") : rs.join(QStringLiteral("; ")));
    if (s.problem != WalState::Problem::None)
        line(tr("note"), LockText::walProblem(s));
    return out;
}

QString StatusText::holders(const WalState &s)
{
    QString out = tr("holders") + QLatin1Char('\n');
    if (s.holders.isEmpty())
        out += tr("  (no process holds a lock that matters)\n");
    for (const LockFinding &f : s.holders)
        out += QStringLiteral("  - ") + LockText::describe(f) + QLatin1Char('\n');
    return out;
}

} // namespace kalito
