#pragma once

#include <QProgressBar>

namespace kalito::ui {

// A thin indeterminate bar shown while a model waits on a slow request.
class BusyIndicator : public QProgressBar
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget *parent = nullptr) : QProgressBar(parent)
    {
        setRange(0, 0);
        setTextVisible(false);
        setMaximumHeight(6);
        setVisible(false);
        setAccessibleName(tr("Loading"));
    }
    void setBusy(bool busy) { setVisible(busy); }
};

} // namespace kalito::ui
