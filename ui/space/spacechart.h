#pragma once

#include <QList>
#include <QWidget>

namespace kalito::ui {

// Horizontal bars painted with QPainter, read at a glance: each bar's length is its share of the
// largest, its exact figures in the tooltip. A bar may carry a key (a session id): clicking it, or
// Enter on the bar chosen with the arrow keys, emits activated(key).
class SpaceChart : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QString label;
        QString value;   // the figure shown at the bar's end ("588 MiB · 88.7 %")
        QString toolTip; // the exact figures
        double amount = 0;
        QString key;          // empty: not clickable
        bool isGroup = false; // a heading bar (a table with its indexes) rather than a part
        int indent = 0;
    };
    struct Section
    {
        QString title;
        QList<Bar> bars;
    };

    explicit SpaceChart(QWidget *parent = nullptr);

    void setSections(const QList<Section> &sections);
    const QList<Section> &sections() const { return m_sections; }
    // Where a bar is drawn (for tests and the tooltip), or an empty rect.
    QRect barRect(int section, int bar) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void activated(const QString &key);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Hit
    {
        int section = -1;
        int bar = -1;
        bool valid() const { return section >= 0; }
    };
    Hit hitAt(const QPoint &pos) const;
    QRect rowRect(int section, int bar) const;
    int rowHeight() const;
    int contentHeight() const;
    QList<Hit> keyedBars() const;

    QList<Section> m_sections;
    Hit m_hover;
    int m_focusIndex = -1; // into keyedBars()
};

} // namespace kalito::ui
