#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

namespace kalito::ui {

// The -wal size over the last minutes, drawn by hand: a growing line means checkpoints are not
// keeping up (a reader pins the WAL, or nobody checkpoints).
class WalSizePlot : public QWidget
{
    Q_OBJECT
public:
    explicit WalSizePlot(QWidget *parent = nullptr);

    void addSample(qint64 msSinceEpoch, qint64 bytes);
    void clear();
    void setWindowMs(qint64 ms) { m_windowMs = ms; }
    int sampleCount() const { return int(m_samples.size()); }
    // The line above the plot: the scale, or why there is none.
    QString caption() const;
    QSize sizeHint() const override { return {360, 120}; }
    using Point = QPair<qint64, qint64>; // time, bytes
    // The line as drawn: each sample's size held until the next sample (a step: the -wal changes
    // at a commit, never along a ramp; a TRUNCATE is a drop), and broken where no sample was taken
    // for longer than kGapMs (the page was hidden: nothing is known there, nothing is drawn).
    QList<QList<Point>> segments() const;
    static constexpr qint64 kGapMs = 3000;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qint64 largest() const;

    QList<QPair<qint64, qint64>> m_samples; // time, bytes
    qint64 m_windowMs = 5 * 60 * 1000;
};

} // namespace kalito::ui
