#pragma once

#include "healthsample.h"
#include "healthtrend.h"
#include "proberesult.h"

#include <QObject>

class QTimer;

namespace kalito::ui {

class AsyncProbe;

// The health strip's figures, refreshed every second without SQL and without a descriptor on the
// database or its -shm: stat() for the sizes, /proc/locks for the readers, and the WAL-index
// (mxFrame, nBackfill) from a child probe, run when stat() or the readers show that something
// moved (a commit or checkpoint changes the -wal or database file), and every few seconds anyway.
// A QObject without widgets, so the benchmark can measure exactly what the strip costs.
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

    // One refresh now (the timer calls it every interval).
    void tick();

signals:
    void updated(const kalito::ui::HealthSample &sample);

private:
    void onProbe(const ProbeResult &probe);
    void publish();

    QString m_path;
    QTimer *m_timer = nullptr;
    AsyncProbe *m_probe = nullptr;
    HealthTrend m_trend;
    HealthSample m_sample;
    ProbeResult m_lastProbe;
    qint64 m_lastProbeMs = 0;
    qint64 m_idleProbeMs = 5000;
    qint64 m_seenDbMtime = -1;
    qint64 m_seenWalMtime = -1;
    qint64 m_seenWalBytes = -1;
    QList<QPair<qint64, int>> m_seenReaders;
    int m_probesStarted = 0;
};

} // namespace kalito::ui
