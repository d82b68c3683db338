#pragma once

#include <QLabel>

namespace kalito::ui {

// A one-line plain-text label that shortens its text with "…" to the width it is given instead of
// demanding that width: a long session name or path never stops the window from shrinking. The
// full text is the tooltip.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(Qt::TextElideMode mode = Qt::ElideRight, QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_full; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    Qt::TextElideMode m_mode;
    QString m_full;
};

} // namespace kalito::ui
