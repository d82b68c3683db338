#pragma once

#include "healthsample.h"
#include "healthtrend.h"
#include "lockhistory.h"
#include "lockreport.h"
#include "proberesult.h"

#include <QObject>
#include <QThread>

class QTimer;

namespace kalito::ui {

class AsyncProbe;

// The health strip's figures, refreshed every second without SQL and without a descriptor on the
// database or its -shm: stat() for the sizes, /proc/locks for the readers, and the WAL-index
// (mxFrame, nBackfill) from a child probe, run when stat() or the readers show that something
// moved (a commit or checkpoint changes the -wal or database file), and every few seconds anyway.
// A QObject without widgets, so the benchmark can measure exactly what the strip costs.
// stat() and /proc/locks (large on a busy server, and a stat() on a network file system can hang)
// are read on a pool thread, never on the GUI thread; the reading comes back as a plain struct.
class HealthMonitor : public QObject
{
    Q_OBJECT
public:
    explicit HealthMonitor(QObject *parent = nullptr);

    void setDatabasePath(const QString &path); // empty: stop
    QString databasePath() const { return m_path; }
    void setIntervalMs(int ms);
    int intervalMs() const;
    void setIdleProbeMs(qint64 ms) { m_idleProbeMs = ms; }
    qint64 idleProbeMs() const { return m_idleProbeMs; }
    HealthTrend &trend() { return m_trend; }
    const HealthSample &sample() const { return m_sample; }
    int probesStarted() const { return m_probesStarted; }

    // One refresh now (the timer calls it every interval): the files are read on a worker, the
    // sample is published when that reading is back. A tick while one is on its way is dropped.
    void tick();

    // What one refresh reads from the system, without SQL: plain values for the GUI thread.
    // The locks are one LockReport, the same the Locks tab and `locks` make: /proc/locks now (or
    // the probe's F_GETLK answers where it is missing or forced) with the WAL-index of the last
    // probe, diagnosed by the same graph; only the walk over every process's open files is left out.
    struct Reading
    {
        QString path;
        qint64 atMs = 0;
        FileSizes sizes;
        LockReport report;
        bool probeKnown = false;     // a probe had answered: the report's WAL-index is real
        LockHistory history;         // since when each lock has been seen, carried from look to look
        Qt::HANDLE thread = nullptr; // the thread that read it
    };
    static Reading read(const QString &path, const ProbeResult &lastProbe = ProbeResult(),
                        bool probeKnown = false, const LockHistory &history = LockHistory());
    // The thread the last reading was done on (the tests check it is not the GUI thread).
    Qt::HANDLE lastReadThread() const { return m_lastReadThread; }
    int readings() const { return m_readings; }

signals:
    void updated(const kalito::ui::HealthSample &sample);

private:
    void onReading(const Reading &reading);
    void onProbe(const ProbeResult &probe);
    void publish();

    QString m_path;
    QTimer *m_timer = nullptr;
    AsyncProbe *m_probe = nullptr;
    HealthTrend m_trend;
    HealthSample m_sample;
    ProbeResult m_lastProbe;
    bool m_probeKnown = false;
    LockHistory m_history;
    qint64 m_lastProbeMs = 0;
    qint64 m_idleProbeMs = 5000;
    qint64 m_seenDbMtime = -1;
    qint64 m_seenWalMtime = -1;
    qint64 m_seenWalBytes = -1;
    QList<QPair<qint64, int>> m_seenReaders;
    int m_probesStarted = 0;
    bool m_reading = false;   // a Reading is on its way
    bool m_readAgain = false; // tick() came meanwhile: read again when it is back
    Qt::HANDLE m_lastReadThread = nullptr;
    int m_readings = 0;
};

} // namespace kalito::ui
