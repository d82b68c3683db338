#pragma once

#include <QLabel>

namespace kalito::ui {

// A one-line plain-text label that may be given less width than its text needs: it then paints the
// text shortened with "…", and its tooltip shows the whole text above the explanation set with
// setToolTip(). text() and the accessible name stay the whole text (a screen reader reads it all),
// and the code that sets the figure keeps calling setText() as on any QLabel.
class FigureLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FigureLabel(QWidget *parent = nullptr);

    bool isElided() const;
    // What the tooltip shows now: the whole text when it is cut, then the explanation.
    QString fullToolTip() const;

    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};

} // namespace kalito::ui
