#pragma once

#include <QList>
#include <QWidget>

class QLabel;

namespace kalito::ui {

// The row of figures of the health strip, laid out by priority rather than by order: each figure
// keeps a slot as wide as the widest text it plausibly shows (from the font, in the current
// language), so that a figure changing every second moves nothing; when the row is narrower than
// the slots, the least important figures are shortened first (FigureLabel: "…", the whole text in
// the tooltip and the accessible name), then hidden, and the row's tooltip always lists every
// figure in full. The last figure added with stretch takes whatever room is left.
class HealthFigures : public QWidget
{
    Q_OBJECT
public:
    explicit HealthFigures(QWidget *parent = nullptr);

    // priority: 0 keeps its room longest. widest: texts whose width the slot reserves. A figure
    // with no text takes no room.
    void addFigure(QLabel *label, int priority, const QStringList &widest = {}, bool stretch = false);
    void reserve(QLabel *label, const QStringList &widest);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Figure
    {
        QLabel *label;
        int priority;
        int reserved;
        bool stretch;
    };
    int slotOf(const Figure &f) const;
    void relayout();

    QList<Figure> m_figures;
    int m_spacing = 6;
};

} // namespace kalito::ui
