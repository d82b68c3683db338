#include "locktimeline.h"

#include "locknames.h"

#include <QDateTime>
#include <QHash>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>

namespace kalito::ui {

namespace {

constexpr int kLabelWidth = 230;
constexpr int kAxisHeight = 20;
constexpr int kHeaderHeight = 18;
constexpr int kRowHeight = 14;

QString clock(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString length(qint64 ms)
{
    return ms < 10000 ? QStringLiteral("%1 ms").arg(ms)
                      : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

LockTimeline::LockTimeline(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void LockTimeline::setRecording(const LockRecording *recording)
{
    m_recording = recording;
    updateGeometry();
    update();
}

void LockTimeline::setFollowNow(bool follow)
{
    if (follow == m_follow)
        return;
    if (!follow)
        m_endMs = QDateTime::currentMSecsSinceEpoch();
    m_follow = follow;
    update();
    emit followChanged(follow);
}

void LockTimeline::setEndMs(qint64 endMs)
{
    setFollowNow(false);
    m_endMs = endMs;
    update();
}

qint64 LockTimeline::endMs() const
{
    return m_follow ? QDateTime::currentMSecsSinceEpoch() : m_endMs;
}

void LockTimeline::setVisibleMs(qint64 ms)
{
    m_visibleMs = qBound(kMinVisibleMs, ms, kMaxVisibleMs);
    update();
}

void LockTimeline::fitAll()
{
    if (!m_recording || m_recording->isEmpty())
        return;
    const qint64 first = m_recording->firstMs(), last = m_recording->lastMs();
    const qint64 span = qMax<qint64>(last - first, 1);
    setVisibleMs(span + span / 20 + 200);
    setEndMs(last + span / 40 + 100);
}

void LockTimeline::zoomIn()
{
    setVisibleMs(m_visibleMs * 2 / 3);
}

void LockTimeline::zoomOut()
{
    setVisibleMs(m_visibleMs * 3 / 2);
}

QList<qint64> LockTimeline::lanePids() const
{
    QList<qint64> pids;
    for (const Row &r : rows()) {
        if (r.lock.isEmpty())
            pids.append(r.pid);
    }
    return pids;
}

QString LockTimeline::laneLabel(qint64 pid) const
{
    QString cmdline;
    if (m_recording) {
        for (const LockRecording::Span &s : m_recording->spans()) {
            if (s.pid == pid && !s.cmdline.isEmpty())
                cmdline = s.cmdline;
        }
    }
    if (pid == m_selfPid)
        return tr("pid %1 this inspector").arg(pid);
    return cmdline.isEmpty() ? tr("pid %1").arg(pid) : tr("pid %1 %2").arg(pid).arg(cmdline);
}

QList<LockTimeline::Row> LockTimeline::rows() const
{
    QList<Row> list;
    if (!m_recording)
        return list;
    int top = kAxisHeight;
    for (qint64 pid : m_recording->pids()) {
        list.append({pid, QString(), top});
        top += kHeaderHeight;
        QStringList locks;
        for (const LockRecording::Span &s : m_recording->spans()) {
            if (s.pid == pid && !locks.contains(s.lock))
                locks.append(s.lock);
        }
        std::sort(locks.begin(), locks.end(), [](const QString &a, const QString &b) {
            return LockNames::order(a) < LockNames::order(b);
        });
        for (const QString &lock : std::as_const(locks)) {
            list.append({pid, lock, top});
            top += kRowHeight;
        }
        top += 4;
    }
    return list;
}

int LockTimeline::contentHeight() const
{
    const QList<Row> r = rows();
    return r.isEmpty() ? kAxisHeight + 40 : r.constLast().top + kRowHeight + 8;
}

QSize LockTimeline::sizeHint() const
{
    return {700, qMax(160, contentHeight())};
}

QSize LockTimeline::minimumSizeHint() const
{
    return {kLabelWidth + 100, qMax(100, contentHeight())};
}

double LockTimeline::xOf(qint64 ms) const
{
    const double plot = qMax(1, width() - kLabelWidth - 4);
    return kLabelWidth + double(ms - (endMs() - m_visibleMs)) * plot / double(m_visibleMs);
}

qint64 LockTimeline::msAt(double x) const
{
    const double plot = qMax(1, width() - kLabelWidth - 4);
    return endMs() - m_visibleMs + qint64((x - kLabelWidth) * double(m_visibleMs) / plot);
}

QRectF LockTimeline::spanRect(const LockRecording::Span &s, int rowTop) const
{
    const qint64 end =
        s.isOpen() ? qMax(m_recording->lastMs(), m_follow ? endMs() : m_recording->lastMs()) : s.endMs;
    double left = qMax<double>(xOf(s.startMs), kLabelWidth);
    double right = qMin<double>(xOf(end), width() - 4);
    if (right < kLabelWidth || left > width() - 4)
        return {};
    if (right - left < 2)
        right = left + 2; // a hold of a few ms stays visible at any zoom
    return QRectF(left, rowTop + 2, right - left, kRowHeight - 4);
}

QColor LockTimeline::colorOf(const QString &lock)
{
    if (lock == QLatin1String("wal-write"))
        return QColor(0xd6, 0x27, 0x28);
    if (lock == QLatin1String("checkpoint"))
        return QColor(0xff, 0x7f, 0x0e);
    if (lock == QLatin1String("recover"))
        return QColor(0x94, 0x67, 0xbd);
    if (lock == QLatin1String("read0"))
        return QColor(0x1f, 0x4e, 0x9c);
    if (lock.startsWith(QLatin1String("read")))
        return QColor(0x4a, 0x90, 0xd9);
    if (lock == QLatin1String("dms"))
        return QColor(0xa0, 0xa0, 0xa0);
    if (lock == QLatin1String("shared"))
        return QColor(0x2c, 0xa0, 0x2c);
    if (lock == QLatin1String("reserved"))
        return QColor(0xbc, 0xbd, 0x22);
    if (lock == QLatin1String("pending"))
        return QColor(0xe6, 0xa7, 0x00);
    if (lock == QLatin1String("exclusive"))
        return QColor(0x8c, 0x15, 0x15);
    return QColor(0x60, 0x60, 0x60);
}

void LockTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    // Time axis: a tick every "nice" step that leaves room for a label.
    static const qint64 steps[] = {100,   200,   500,   1000,   2000,   5000,  10000,
                                   15000, 30000, 60000, 120000, 300000, 600000};
    const double plot = qMax(1, width() - kLabelWidth - 4);
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 s : steps) {
        if (plot * double(s) / double(m_visibleMs) >= 90) {
            step = s;
            break;
        }
    }
    const qint64 end = endMs();
    p.setFont(small);
    for (qint64 t = ((end - m_visibleMs) / step + 1) * step; t <= end; t += step) {
        const double x = xOf(t);
        p.setPen(grid);
        p.drawLine(QPointF(x, kAxisHeight - 4), QPointF(x, height()));
        p.setPen(text);
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(
            step < 1000 ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss"));
        p.drawText(QRectF(x - 60, 0, 120, kAxisHeight - 4), Qt::AlignCenter, label);
    }
    if (!m_recording || m_recording->isEmpty()) {
        p.setPen(text);
        p.drawText(rect().adjusted(kLabelWidth, kAxisHeight, 0, 0), Qt::AlignCenter, tr("No lock seen yet."));
        return;
    }
    const QList<Row> list = rows();
    QHash<QString, int> rowTop; // "pid/lock" -> top, so that spans are walked once per paint
    for (const Row &r : list) {
        p.setPen(text);
        if (r.lock.isEmpty()) {
            QFont bold = font();
            bold.setBold(true);
            p.setFont(bold);
            p.setPen(grid);
            p.drawLine(0, r.top, width(), r.top);
            p.setPen(text);
            p.drawText(QRect(4, r.top, width() - 8, kHeaderHeight), Qt::AlignVCenter | Qt::AlignLeft,
                       QFontMetrics(bold).elidedText(laneLabel(r.pid), Qt::ElideRight, width() - 8));
            continue;
        }
        rowTop.insert(QStringLiteral("%1/%2").arg(r.pid).arg(r.lock), r.top);
        p.setFont(small);
        p.fillRect(QRect(14, r.top + 3, 8, kRowHeight - 6), colorOf(r.lock));
        p.drawText(QRect(26, r.top, kLabelWidth - 30, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, r.lock);
    }
    for (const LockRecording::Span &s : m_recording->spans()) {
        const auto top = rowTop.constFind(QStringLiteral("%1/%2").arg(s.pid).arg(s.lock));
        if (top == rowTop.constEnd())
            continue;
        const QRectF box = spanRect(s, top.value());
        if (box.isNull())
            continue;
        QColor fill = colorOf(s.lock);
        if (!s.write)
            fill.setAlpha(170); // shared holds lighter than exclusive ones of the same kind
        p.fillRect(box, fill);
    }
    if (m_follow) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        p.drawLine(QPointF(xOf(end), kAxisHeight), QPointF(xOf(end), height()));
    }
}

void LockTimeline::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier || delta.x() != 0) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        setEndMs(endMs() - qint64(double(d) / 120.0 * double(m_visibleMs) / 10.0));
    } else if (delta.y() != 0) {
        // Keep the time under the mouse where it is (when not following now).
        const qint64 anchor = msAt(event->position().x());
        const qint64 before = m_visibleMs;
        delta.y() > 0 ? zoomIn() : zoomOut();
        if (!m_follow && event->position().x() > kLabelWidth) {
            const double fraction = double(anchor - (m_endMs - before)) / double(before);
            m_endMs = anchor + qint64((1.0 - fraction) * double(m_visibleMs));
        }
    }
    event->accept();
    update();
}

QString LockTimeline::describe(const LockRecording::Span &s) const
{
    QString out = laneLabel(s.pid);
    if (!s.user.isEmpty())
        out += tr(" (user %1)").arg(s.user);
    out += QLatin1Char('\n') + tr("%1 (%2) on %3")
                                   .arg(s.lock, s.write ? tr("write") : tr("read"),
                                        s.file == QLatin1String("shm") ? tr("the -shm") : tr("the database"));
    out += QLatin1Char('\n');
    if (s.sinceStart)
        out += tr("already held when watching began at %1").arg(clock(s.startMs));
    else
        out += tr("started %1").arg(clock(s.startMs));
    if (s.isOpen())
        out += tr(", still held (%1 so far)").arg(length(m_recording->lastMs() - s.startMs));
    else
        out += tr(", held %1 (until %2)").arg(length(s.endMs - s.startMs), clock(s.endMs));
    if (s.walKnown)
        out += QLatin1Char('\n') +
               tr("WAL frames at the start: %1, %2 backfilled").arg(s.mxStart).arg(s.backfillStart);
    if (s.endWalKnown)
        out += QLatin1Char('\n') +
               tr("WAL frames at the end: %1, %2 backfilled").arg(s.mxEnd).arg(s.backfillEnd);
    return out;
}

QString LockTimeline::toolTipAt(const QPoint &pos) const
{
    if (!m_recording)
        return QString();
    for (const Row &r : rows()) {
        if (r.lock.isEmpty() || pos.y() < r.top || pos.y() >= r.top + kRowHeight)
            continue;
        // The span under the mouse, or the nearest within 3 px (short holds are thin).
        const LockRecording::Span *best = nullptr;
        double bestDistance = 4;
        for (const LockRecording::Span &s : m_recording->spans()) {
            if (s.pid != r.pid || s.lock != r.lock)
                continue;
            const QRectF box = spanRect(s, r.top);
            if (box.isNull())
                continue;
            const double d = pos.x() < box.left() ? box.left() - pos.x()
                                                  : (pos.x() > box.right() ? pos.x() - box.right() : 0);
            if (d < bestDistance) {
                bestDistance = d;
                best = &s;
            }
        }
        return best ? describe(*best) : QString();
    }
    return QString();
}

QPoint LockTimeline::pointOf(qint64 pid, const QString &lock) const
{
    if (!m_recording)
        return {-1, -1};
    for (const Row &r : rows()) {
        if (r.pid != pid || r.lock != lock)
            continue;
        for (auto it = m_recording->spans().crbegin(); it != m_recording->spans().crend(); ++it) {
            if (it->pid != pid || it->lock != lock)
                continue;
            const QRectF box = spanRect(*it, r.top);
            if (!box.isNull())
                return box.center().toPoint();
        }
    }
    return {-1, -1};
}

bool LockTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace kalito::ui
