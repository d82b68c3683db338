#include "healthmonitor.h"
#include "errortext.h"
#include "offthread.h"

#include "asyncprobe.h"
#include "lockreport.h"
#include "locktext.h"
#include "proclocks.h"

#include "whenfinished.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace kalito::ui {

HealthMonitor::HealthMonitor(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<kalito::ui::HealthSample>();
    m_probe = new AsyncProbe(this);
    connect(m_probe, &AsyncProbe::finished, this, &HealthMonitor::onProbe);
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &HealthMonitor::tick);
    m_sample.selfPid = QCoreApplication::applicationPid();
}

void HealthMonitor::setIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

int HealthMonitor::intervalMs() const
{
    return m_timer->interval();
}

void HealthMonitor::setDatabasePath(const QString &path)
{
    m_path = path;
    m_trend.clear();
    m_sample = HealthSample();
    m_sample.selfPid = QCoreApplication::applicationPid();
    m_lastProbe = ProbeResult();
    m_probeKnown = false;
    m_history = LockHistory();
    m_lastProbeMs = 0;
    m_seenDbMtime = m_seenWalMtime = m_seenWalBytes = -1;
    m_seenReaders.clear();
    if (path.isEmpty()) {
        m_timer->stop();
        return;
    }
    m_timer->start();
    tick();
}

HealthMonitor::Reading HealthMonitor::read(const QString &path, const ProbeResult &lastProbe, bool probeKnown,
                                           const LockHistory &history)
{
    Reading r;
    r.path = path;
    r.thread = QThread::currentThreadId();
    r.atMs = QDateTime::currentMSecsSinceEpoch();
    r.sizes = FileSizes::of(path);
    r.history = history;
    r.probeKnown = probeKnown;
    ProbeResult probe = lastProbe;
    // With /proc/locks the locks are read now; the probe's F_GETLK answers are seconds old and
    // would bring back holders that have gone.
    if (LockReport::procLocksUsed())
        probe.locks.clear();
    if (!probeKnown)
        probe.error = DbError(); // no WAL-index yet: the locks alone still name the readers
    r.report = LockReport::assemble(path, probe, &r.history, false);
    return r;
}

void HealthMonitor::tick()
{
    if (m_path.isEmpty())
        return;
    if (m_reading) {
        m_readAgain = true; // one reading at a time: they never queue up behind a slow /proc/locks
        return;
    }
    m_reading = true;
    m_readAgain = false;
    whenFinished(this,
                 offThread([path = m_path, probe = m_lastProbe, known = m_probeKnown, history = m_history] {
                     return read(path, probe, known, history);
                 }),
                 [this](const Reading &r) { onReading(r); });
}

void HealthMonitor::onReading(const Reading &reading)
{
    m_reading = false;
    if (reading.path != m_path || m_readAgain) {
        tick(); // read for the database open before, or asked for again meanwhile (files changed)
        if (reading.path != m_path)
            return;
    }
    m_lastReadThread = reading.thread;
    ++m_readings;
    const qint64 now = reading.atMs;
    m_sample.atMs = now;
    m_sample.sizes = reading.sizes;
    m_trend.advance(now);
    m_trend.addWalBytes(now, m_sample.sizes.walBytes);
    m_history = reading.history;

    const QList<WalReader> readers = WalReaders::of(reading.report);
    m_trend.observeReaders(now, readers);
    // The holders as the Locks tab says them; only once a probe has given the WAL-index (without
    // it a reader's slot and frame, and the journal mode, are not known).
    m_sample.holdersKnown = reading.probeKnown;
    m_sample.holders = m_sample.holdersKnown ? reading.report.holders() : QList<LockFinding>();
    QList<QPair<qint64, int>> readerKeys;
    for (const WalReader &r : readers)
        readerKeys.append({r.pid, r.slot});
    std::sort(readerKeys.begin(), readerKeys.end());

    // A commit appends to the -wal, a checkpoint writes the database file and a reader that comes
    // or goes moves the read marks: only then is a child process worth its few milliseconds.
    const FileSizes &s = m_sample.sizes;
    const bool moved = s.dbModifiedNs != m_seenDbMtime || s.walModifiedNs != m_seenWalMtime ||
                       s.walBytes != m_seenWalBytes || readerKeys != m_seenReaders;
    if ((moved || now - m_lastProbeMs >= m_idleProbeMs) && m_probe->start(m_path)) {
        m_lastProbeMs = now;
        ++m_probesStarted;
        m_seenDbMtime = s.dbModifiedNs;
        m_seenWalMtime = s.walModifiedNs;
        m_seenWalBytes = s.walBytes;
        m_seenReaders = readerKeys;
    }
    publish();
}

void HealthMonitor::onProbe(const ProbeResult &probe)
{
    m_lastProbe = probe;
    m_probeKnown = probe.ok();
    const WalIndexHeader h = probe.shm();
    m_sample.probeAtMs = QDateTime::currentMSecsSinceEpoch();
    m_sample.walMode = probe.ok() ? (probe.dbHeaderSaysWal() || probe.shmExists) : m_sample.walMode;
    m_sample.walIndexKnown = false;
    if (!probe.ok())
        m_sample.walIndexProblem = ErrorText::describe(probe.error);
    else if (!probe.shmExists)
        m_sample.walIndexProblem = tr("no -shm file");
    else if (!h.isValid())
        m_sample.walIndexProblem =
            probe.shmError.isError() ? ErrorText::describe(probe.shmError) : LockText::walIndexProblem(h);
    else if (!probe.dmsHeld())
        m_sample.walIndexProblem = tr("stale -shm: nobody has the database open");
    else {
        m_sample.walIndexProblem.clear();
        m_sample.walIndexKnown = true;
        m_sample.mxFrame = h.mxFrame;
        m_sample.nBackfill = h.nBackfill;
        m_sample.backlog = h.backlog();
        m_trend.setPageSize(h.pageSize);
        m_trend.addBacklog(m_sample.probeAtMs, h.backlog());
    }
    publish(); // the holders follow with the next reading (within a second), from this probe
}

void HealthMonitor::publish()
{
    m_trend.advance(QDateTime::currentMSecsSinceEpoch());
    m_sample.readers = m_trend.readersByAge();
    m_sample.walGrowing = m_trend.walGrowing();
    m_sample.backlogGrowing = m_trend.backlogGrowing();
    m_sample.readerPinsTooLong = m_trend.readerPinsTooLong();
    emit updated(m_sample);
}

} // namespace kalito::ui
