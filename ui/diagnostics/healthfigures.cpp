#include "healthfigures.h"

#include <QEvent>
#include <QLabel>

#include <algorithm>

namespace kalito::ui {

HealthFigures::HealthFigures(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void HealthFigures::addFigure(QLabel *label, int priority, const QStringList &widest, bool stretch)
{
    label->setParent(this);
    m_figures.append({label, priority, 0, stretch});
    reserve(label, widest);
}

void HealthFigures::reserve(QLabel *label, const QStringList &widest)
{
    for (Figure &f : m_figures) {
        if (f.label != label)
            continue;
        int width = 0;
        for (const QString &text : widest)
            width = qMax(width, label->fontMetrics().horizontalAdvance(text));
        const QMargins m = label->contentsMargins();
        f.reserved = width > 0 ? width + m.left() + m.right() : 0;
    }
    updateGeometry();
    relayout();
}

int HealthFigures::slotOf(const Figure &f) const
{
    if (f.label->text().isEmpty())
        return 0;
    const QMargins m = f.label->contentsMargins();
    const int natural = f.label->fontMetrics().horizontalAdvance(f.label->text()) + m.left() + m.right() + 2;
    return qMax(natural, f.reserved);
}

QSize HealthFigures::sizeHint() const
{
    int width = 0, height = 0;
    for (const Figure &f : m_figures) {
        width += slotOf(f) + m_spacing;
        height = qMax(height, f.label->sizeHint().height());
    }
    return QSize(width, height);
}

QSize HealthFigures::minimumSizeHint() const
{
    // The most important figure, shortened: the strip can shrink to that and its buttons.
    int height = 0;
    for (const Figure &f : m_figures)
        height = qMax(height, f.label->sizeHint().height());
    const Figure *first = nullptr;
    for (const Figure &f : m_figures)
        if (!first || f.priority < first->priority)
            first = &f;
    return QSize(first ? first->label->minimumSizeHint().width() : 0, height);
}

bool HealthFigures::event(QEvent *event)
{
    // A figure's new text asks its parent for a layout (QWidget::updateGeometry).
    if (event->type() == QEvent::LayoutRequest) {
        updateGeometry();
        relayout();
    }
    return QWidget::event(event);
}

void HealthFigures::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void HealthFigures::relayout()
{
    // Who gets room first: the lowest priority numbers, in the order added among equals.
    QList<int> order;
    for (int i = 0; i < m_figures.size(); ++i)
        order << i;
    std::stable_sort(order.begin(), order.end(),
                     [this](int a, int b) { return m_figures[a].priority < m_figures[b].priority; });
    QList<int> widths(m_figures.size(), 0);
    int room = width();
    // Most important first: its whole slot if it fits, else what is left (shortened, when that
    // is enough to say something); whatever finds no room is hidden (the row's tooltip has it).
    for (int i : order) {
        const Figure &f = m_figures[i];
        const int slot = slotOf(f);
        if (slot == 0)
            continue;
        const int least = qMin(slot, f.label->minimumSizeHint().width() * 2);
        if (room >= slot + m_spacing) {
            widths[i] = slot;
            room -= slot + m_spacing;
        } else if (room >= least + m_spacing) {
            widths[i] = room - m_spacing;
            room = 0;
        }
    }
    for (int i = 0; i < m_figures.size(); ++i) {
        if (m_figures[i].stretch && widths[i] > 0) {
            widths[i] += room;
            room = 0;
        }
    }
    QStringList all;
    int x = 0;
    for (int i = 0; i < m_figures.size(); ++i) {
        QLabel *label = m_figures[i].label;
        if (!label->text().isEmpty())
            all << label->text();
        if (widths[i] == 0) {
            label->hide();
            continue;
        }
        label->setGeometry(x, 0, widths[i], height());
        label->show();
        x += widths[i] + m_spacing;
    }
    setToolTip(all.join(u'\n'));
    setAccessibleDescription(all.join(QStringLiteral("; ")));
}

} // namespace kalito::ui
