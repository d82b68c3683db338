#include "lockreport.h"

#include "lockdiagnosis.h"
#include "lockhistory.h"
#include "lockholders.h"
#include "locknames.h"
#include "lockreporttext.h"
#include "locktext.h"
#include "proberunner.h"
#include "proclocks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <atomic>

namespace kalito {

namespace {

std::atomic<bool> s_forceProbe{false};

void addLock(QList<LockReport::Lock> *locks, const LockReport::Lock &l)
{
    for (const LockReport::Lock &o : std::as_const(*locks)) {
        if (o.pid == l.pid && o.file == l.file && o.lock == l.lock && o.write == l.write)
            return;
    }
    locks->append(l);
}

} // namespace

void LockReport::setForceProbe(bool force)
{
    s_forceProbe = force;
}

bool LockReport::forceProbe()
{
    return s_forceProbe || qEnvironmentVariable("KALITO_LOCK_SOURCE") == QLatin1String("probe");
}

bool LockReport::procLocksUsed()
{
    return ProcLocks::available() && !forceProbe();
}

LockReport LockReport::collect(const QString &databasePath, LockHistory *history)
{
    return assemble(databasePath, ProbeRunner::run(databasePath), history);
}

QList<LockReport::Lock> LockReport::procLocks(const QString &databasePath)
{
    QList<Lock> locks;
    if (!ProcLocks::available())
        return locks;
    const QString path = QFileInfo(databasePath).absoluteFilePath();
    const QList<ProcLock> all = ProcLocks::read();
    const QString shmPath = path + QStringLiteral("-shm");
    for (const QString &file : {QStringLiteral("db"), QStringLiteral("shm")}) {
        const QList<ProcLock> on = ProcLocks::on(file == QLatin1String("db") ? path : shmPath, all);
        for (const ProcLock &pl : on) {
            if (pl.type == QLatin1String("FLOCK"))
                continue; // whole-file flock(), not SQLite's byte locks
            const QList<LockNames::Named> names = file == QLatin1String("db")
                                                      ? LockNames::onDb(pl.start, pl.end, pl.write)
                                                      : LockNames::onShm(pl.start, pl.end, pl.write);
            for (const LockNames::Named &n : names)
                addLock(&locks, {pl.pid, QString(), file, n.lock, n.write, false});
        }
    }
    return locks;
}

QString LockReport::historyKey(const Lock &l)
{
    return LockHistory::key(l.pid, l.file, l.lock);
}

LockReport LockReport::assemble(const QString &databasePath, const ProbeResult &probe, LockHistory *history,
                                bool scanOpenFiles)
{
    LockReport r;
    r.path = QFileInfo(databasePath).absoluteFilePath();
    r.selfPid = QCoreApplication::applicationPid();
    r.probe = probe;
    r.error = probe.error;
    r.procAvailable = ProcessScan::available();
    r.procLocksAvailable = ProcLocks::available();
    r.probeForced = r.procLocksAvailable && forceProbe();
    if (!probe.dbExists && !QFileInfo::exists(r.path)) {
        r.error = DbError::make(DbError::Kind::NotFound, DbError::Reason::FileMissing, r.path);
        return r;
    }

    if (!r.fromProbe())
        r.locks = procLocks(r.path);
    // The probe's F_GETLK answers are the locks where /proc/locks is missing (or not wanted); next
    // to /proc/locks they only add processes it did not show (e.g. another pid namespace).
    QList<qint64> procPids;
    for (const Lock &l : std::as_const(r.locks))
        procPids.append(l.pid);
    for (const ProbeResult::Lock &pl : probe.locks) {
        if (r.fromProbe() || !procPids.contains(pl.pid))
            addLock(&r.locks, {pl.pid, QString(), pl.file, pl.lock, pl.write, false});
    }

    if (scanOpenFiles)
        r.processes = ProcessScan::holding(r.path, &r.hiddenByUser);
    for (Lock &l : r.locks) {
        l.self = l.pid == r.selfPid;
        l.name = ProcessScan::nameOf(l.pid);
        const bool listed = std::any_of(r.processes.cbegin(), r.processes.cend(),
                                        [&l](const ProcessInfo &p) { return p.pid == l.pid; });
        if (!listed && l.pid > 0)
            r.processes.append(
                {l.pid, l.name, ProcessScan::commandLineOf(l.pid), ProcessScan::userOf(l.pid), {}, false});
    }
    for (ProcessInfo &p : r.processes) {
        for (const Lock &l : std::as_const(r.locks)) {
            if (!p.filesKnown && l.pid == p.pid && !p.files.contains(l.file))
                p.files.append(l.file);
        }
        std::sort(p.files.begin(), p.files.end());
    }
    std::sort(r.processes.begin(), r.processes.end(),
              [](const ProcessInfo &a, const ProcessInfo &b) { return a.pid < b.pid; });
    std::sort(r.locks.begin(), r.locks.end(), [](const Lock &a, const Lock &b) {
        if (a.file != b.file)
            return a.file > b.file; // shm first
        if (LockNames::order(a.lock) != LockNames::order(b.lock))
            return LockNames::order(a.lock) < LockNames::order(b.lock);
        return a.pid < b.pid;
    });

    const WalIndexHeader shm = probe.shm();
    r.walMode = probe.dbHeaderSaysWal() || (probe.shmExists && shm.present);
    r.shmStale =
        r.walMode && probe.shmExists && std::none_of(r.locks.cbegin(), r.locks.cend(), [](const Lock &l) {
            return l.file == QLatin1String("shm") && l.lock == QLatin1String("dms");
        });
    if (history) {
        QList<QString> keys;
        for (const Lock &l : std::as_const(r.locks))
            keys.append(historyKey(l));
        history->observe(keys, QDateTime::currentMSecsSinceEpoch());
    }
    r.blocks = LockGraph::build(r, history).edges;
    r.findings = LockDiagnosis::findings(r, history);
    return r;
}

QList<LockReport::Lock> LockReport::locksOf(qint64 pid) const
{
    QList<Lock> mine;
    for (const Lock &l : locks) {
        if (l.pid == pid)
            mine.append(l);
    }
    return mine;
}

QList<LockFinding> LockReport::holders() const
{
    return LockHolders::of(findings);
}

QStringList LockReport::diagnosis() const
{
    return LockText::describe(findings);
}

LockHolder LockReport::holder(qint64 pid) const
{
    LockHolder h;
    h.pid = pid;
    if (pid == selfPid) {
        h.known = LockHolder::Known::Self;
        return h;
    }
    if (pid < 0) {
        h.known = LockHolder::Known::Ofd;
        return h;
    }
    for (const ProcessInfo &p : processes) {
        if (p.pid == pid) {
            h.command = p.cmdline.isEmpty() ? p.name : p.cmdline;
            h.user = p.user;
        }
    }
    if (!procAvailable)
        h.known = LockHolder::Known::NoProc;
    else if (h.command.isEmpty() && h.user.isEmpty())
        h.known = LockHolder::Known::Gone;
    else if (h.command.isEmpty())
        h.known = LockHolder::Known::NoCommandLine;
    else if (h.user.isEmpty())
        h.known = LockHolder::Known::NoUser;
    return h;
}

QString LockReport::displayName(qint64 pid) const
{
    return LockText::holder(holder(pid));
}

QJsonObject LockReport::toJson() const
{
    QJsonArray processArray;
    for (const ProcessInfo &p : processes) {
        processArray.append(QJsonObject{{QStringLiteral("pid"), p.pid},
                                        {QStringLiteral("name"), p.name},
                                        {QStringLiteral("cmdline"), p.cmdline},
                                        {QStringLiteral("user"), p.user},
                                        {QStringLiteral("files"), QJsonArray::fromStringList(p.files)},
                                        {QStringLiteral("files_known"), p.filesKnown},
                                        {QStringLiteral("self"), p.pid == selfPid}});
    }
    QJsonArray lockArray;
    for (const Lock &l : locks) {
        lockArray.append(
            QJsonObject{{QStringLiteral("pid"), l.pid},
                        {QStringLiteral("name"), l.name},
                        {QStringLiteral("file"), l.file},
                        {QStringLiteral("lock"), l.lock},
                        {QStringLiteral("mode"), l.write ? QStringLiteral("write") : QStringLiteral("read")},
                        {QStringLiteral("self"), l.self}});
    }
    QJsonArray blockArray;
    for (const LockEdge &e : blocks)
        blockArray.append(e.toJson());
    QJsonObject hidden;
    for (auto it = hiddenByUser.cbegin(); it != hiddenByUser.cend(); ++it)
        hidden.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("path"), path},
        {QStringLiteral("journal"), walMode ? QStringLiteral("wal") : QStringLiteral("rollback")},
        {QStringLiteral("shm_stale"), shmStale},
        {QStringLiteral("processes"), processArray},
        {QStringLiteral("locks"), lockArray},
        {QStringLiteral("blocks"), blockArray},
        {QStringLiteral("lock_source"), fromProbe() ? QStringLiteral("probe") : QStringLiteral("proc-locks")},
        {QStringLiteral("diagnosis"), QJsonArray::fromStringList(diagnosis())},
        {QStringLiteral("holders"), LockHolders::toJson(holders())},
        {QStringLiteral("hidden_processes_by_user"), hidden}};
}

QString LockReport::toText() const
{
    return LockReportText::report(*this);
}

} // namespace kalito
