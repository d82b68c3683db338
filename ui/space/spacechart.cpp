#include "spacechart.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace kalito::ui {

namespace {

constexpr int margin = 6;
constexpr int labelShare = 38; // per cent of the width for the labels

} // namespace

SpaceChart::SpaceChart(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void SpaceChart::setSections(const QList<Section> &sections)
{
    m_sections = sections;
    m_hover = {};
    m_focusIndex = -1;
    updateGeometry();
    update();
}

int SpaceChart::rowHeight() const
{
    return fontMetrics().height() + 6;
}

int SpaceChart::contentHeight() const
{
    int h = margin;
    for (const Section &s : m_sections)
        h += rowHeight() * (1 + int(s.bars.size())) + margin;
    return h;
}

QSize SpaceChart::sizeHint() const
{
    return {360, std::max(120, contentHeight())};
}

QSize SpaceChart::minimumSizeHint() const
{
    return {200, std::max(80, contentHeight())};
}

QRect SpaceChart::rowRect(int section, int bar) const
{
    int y = margin;
    for (int i = 0; i < section; ++i)
        y += rowHeight() * (1 + int(m_sections.at(i).bars.size())) + margin;
    y += rowHeight() * (1 + bar);
    return {margin, y, width() - 2 * margin, rowHeight()};
}

QRect SpaceChart::barRect(int section, int bar) const
{
    if (section < 0 || section >= m_sections.size() || bar < 0 || bar >= m_sections.at(section).bars.size())
        return {};
    const QRect row = rowRect(section, bar);
    const int labelWidth = row.width() * labelShare / 100;
    int valueWidth = 0; // room for the longest figure of the section at the end of its bar
    for (const Bar &b : m_sections.at(section).bars)
        valueWidth = std::max(valueWidth, fontMetrics().horizontalAdvance(b.value) + margin);
    const int room = std::max(10, row.width() - labelWidth - valueWidth - margin);
    double largest = 0;
    for (const Bar &b : m_sections.at(section).bars)
        largest = std::max(largest, b.amount);
    const Bar &b = m_sections.at(section).bars.at(bar);
    const int length = largest > 0 ? std::max(2, int(room * b.amount / largest)) : 2;
    return {row.left() + labelWidth, row.top() + 3, length, row.height() - 6};
}

void SpaceChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QColor table = palette().highlight().color();
    QColor index = table;
    index.setAlpha(130);
    QColor session = QColor(0x2e, 0x8b, 0x57);
    for (int s = 0; s < m_sections.size(); ++s) {
        const Section &section = m_sections.at(s);
        QRect title = rowRect(s, -1);
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(palette().text().color());
        p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter, section.title);
        p.setFont(font());
        for (int b = 0; b < section.bars.size(); ++b) {
            const Bar &bar = section.bars.at(b);
            const QRect row = rowRect(s, b);
            const QRect r = barRect(s, b);
            const bool hovered = m_hover.section == s && m_hover.bar == b;
            const QList<Hit> keyed = keyedBars();
            const bool focused = hasFocus() && m_focusIndex >= 0 && m_focusIndex < keyed.size() &&
                                 keyed.at(m_focusIndex).section == s && keyed.at(m_focusIndex).bar == b;
            if (hovered || focused)
                p.fillRect(row, palette().alternateBase());
            const int indent = bar.indent * fontMetrics().horizontalAdvance(QLatin1Char('m'));
            QRect label(row.left() + indent, row.top(), r.left() - row.left() - indent - margin,
                        row.height());
            p.setPen(palette().text().color());
            QFont f = font();
            f.setBold(bar.isGroup);
            p.setFont(f);
            p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                       fontMetrics().elidedText(bar.label, Qt::ElideMiddle, label.width()));
            p.setFont(font());
            p.fillRect(r, !bar.key.isEmpty() ? session : bar.indent > 0 ? index : table);
            p.setPen(palette().text().color());
            p.drawText(QRect(r.right() + margin, row.top(), row.right() - r.right() - margin, row.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, bar.value);
            if (focused) {
                p.setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
                p.drawRect(row.adjusted(0, 0, -1, -1));
            }
        }
    }
}

SpaceChart::Hit SpaceChart::hitAt(const QPoint &pos) const
{
    for (int s = 0; s < m_sections.size(); ++s)
        for (int b = 0; b < m_sections.at(s).bars.size(); ++b)
            if (rowRect(s, b).contains(pos))
                return {s, b};
    return {};
}

QList<SpaceChart::Hit> SpaceChart::keyedBars() const
{
    QList<Hit> out;
    for (int s = 0; s < m_sections.size(); ++s)
        for (int b = 0; b < m_sections.at(s).bars.size(); ++b)
            if (!m_sections.at(s).bars.at(b).key.isEmpty())
                out << Hit{s, b};
    return out;
}

bool SpaceChart::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const Hit hit = hitAt(help->pos());
        if (hit.valid())
            QToolTip::showText(help->globalPos(), m_sections.at(hit.section).bars.at(hit.bar).toolTip, this,
                               rowRect(hit.section, hit.bar));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void SpaceChart::mouseMoveEvent(QMouseEvent *e)
{
    const Hit hit = hitAt(e->position().toPoint());
    if (hit.section != m_hover.section || hit.bar != m_hover.bar) {
        m_hover = hit;
        const bool keyed = hit.valid() && !m_sections.at(hit.section).bars.at(hit.bar).key.isEmpty();
        setCursor(keyed ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void SpaceChart::leaveEvent(QEvent *)
{
    m_hover = {};
    update();
}

void SpaceChart::mousePressEvent(QMouseEvent *e)
{
    const Hit hit = hitAt(e->position().toPoint());
    if (e->button() != Qt::LeftButton || !hit.valid())
        return;
    const QString key = m_sections.at(hit.section).bars.at(hit.bar).key;
    if (!key.isEmpty())
        emit activated(key);
}

void SpaceChart::keyPressEvent(QKeyEvent *e)
{
    const QList<Hit> keyed = keyedBars();
    if (keyed.isEmpty()) {
        QWidget::keyPressEvent(e);
        return;
    }
    switch (e->key()) {
    case Qt::Key_Down:
        m_focusIndex = std::min(int(keyed.size()) - 1, m_focusIndex + 1);
        update();
        return;
    case Qt::Key_Up:
        m_focusIndex = std::max(0, m_focusIndex - 1);
        update();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_focusIndex >= 0 && m_focusIndex < keyed.size())
            emit activated(
                m_sections.at(keyed.at(m_focusIndex).section).bars.at(keyed.at(m_focusIndex).bar).key);
        return;
    default:
        QWidget::keyPressEvent(e);
    }
}

} // namespace kalito::ui
