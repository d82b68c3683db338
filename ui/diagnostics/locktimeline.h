#pragma once

#include "lockrecording.h"

#include <QWidget>

namespace kalito::ui {

// Lock holds drawn over time: one lane per process (pid and short command line), one row per
// lock it held, spans coloured by lock kind. Zoom with the wheel (or zoomIn/zoomOut), pan with
// Shift+wheel; hovering a span tells the process, the lock, its start, its length and the WAL
// frames. Shows a LockRecording it does not own.
class LockTimeline : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kMinVisibleMs = 1000;
    static constexpr qint64 kMaxVisibleMs = 30 * 60 * 1000;

    explicit LockTimeline(QWidget *parent = nullptr);

    void setRecording(const LockRecording *recording);
    void setSelfPid(qint64 pid) { m_selfPid = pid; }
    // Follow now: the right edge is the current time. Otherwise it stays at endMs().
    void setFollowNow(bool follow);
    bool followsNow() const { return m_follow; }
    void setEndMs(qint64 endMs);
    qint64 endMs() const;
    void setVisibleMs(qint64 ms);
    qint64 visibleMs() const { return m_visibleMs; }
    // Shows the whole recording.
    void fitAll();
    void zoomIn();
    void zoomOut();

    // The lanes in the order drawn, and the text shown on hovering at a point (empty: nothing).
    QList<qint64> lanePids() const;
    QString laneLabel(qint64 pid) const;
    QString toolTipAt(const QPoint &pos) const;
    // The middle of the latest visible span of (pid, lock), or (-1, -1) when none is in view.
    QPoint pointOf(qint64 pid, const QString &lock) const;
    static QColor colorOf(const QString &lock);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void followChanged(bool follow);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Row
    {
        qint64 pid = 0;
        QString lock; // empty: the lane's header
        int top = 0;
    };
    QList<Row> rows() const;
    int contentHeight() const;
    double xOf(qint64 ms) const;
    qint64 msAt(double x) const;
    QRectF spanRect(const LockRecording::Span &s, int rowTop) const;
    QString describe(const LockRecording::Span &s) const;

    const LockRecording *m_recording = nullptr;
    qint64 m_selfPid = 0;
    bool m_follow = true;
    qint64 m_endMs = 0;
    qint64 m_visibleMs = 60 * 1000;
};

} // namespace kalito::ui
