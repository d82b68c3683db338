#include "walsizeplot.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace kalito::ui {

WalSizePlot::WalSizePlot(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(90);
    setToolTip(tr("Size of the -wal file over the last five minutes"));
}

void WalSizePlot::addSample(qint64 ms, qint64 bytes)
{
    m_samples.append({ms, bytes});
    while (!m_samples.isEmpty() && m_samples.constFirst().first < ms - m_windowMs)
        m_samples.removeFirst();
    update();
}

void WalSizePlot::clear()
{
    m_samples.clear();
    update();
}

qint64 WalSizePlot::largest() const
{
    qint64 largest = 0;
    for (const auto &s : std::as_const(m_samples))
        largest = qMax(largest, s.second);
    return largest;
}

QString WalSizePlot::caption() const
{
    if (m_samples.isEmpty())
        return tr("-wal size: no samples yet");
    const qint64 most = largest();
    // An empty (or absent) -wal has no scale to speak of: say so instead of "max 1 bytes".
    if (most <= 0)
        return tr("-wal empty for the last 5 min");
    return tr("-wal size, last 5 min (max %1)").arg(QLocale().formattedDataSize(most));
}

QList<QList<WalSizePlot::Point>> WalSizePlot::segments() const
{
    QList<QList<Point>> out;
    for (int i = 0; i < m_samples.size(); ++i) {
        const Point &s = m_samples.at(i);
        if (i == 0 || s.first - m_samples.at(i - 1).first > kGapMs) {
            out.append({s});
            continue;
        }
        const qint64 before = m_samples.at(i - 1).second;
        if (before != s.second)
            out.last().append({s.first, before}); // held until this sample, then the step
        out.last().append(s);
    }
    return out;
}

void WalSizePlot::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = rect().adjusted(4, 18, -4, -4);
    p.fillRect(rect(), palette().base());
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(area);
    // Drawing divides by the largest sample: never by zero.
    const qint64 maxBytes = qMax<qint64>(1, largest());
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(4, 0, width() - 8, 16), Qt::AlignLeft | Qt::AlignVCenter, caption());
    if (m_samples.size() < 2)
        return;
    const qint64 end = m_samples.constLast().first;
    const qint64 start = end - m_windowMs;
    QPainterPath path;
    for (const QList<Point> &segment : segments()) {
        for (int i = 0; i < segment.size(); ++i) {
            const Point &s = segment.at(i);
            const QPointF pt(area.left() + area.width() * double(s.first - start) / double(m_windowMs),
                             area.bottom() - area.height() * double(s.second) / double(maxBytes));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
    }
    p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    p.drawPath(path);
}

} // namespace kalito::ui
