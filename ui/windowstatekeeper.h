#pragma once

#include <QObject>

class QMainWindow;

namespace kalito::ui {

// Remembers the window's geometry and its toolbar/dock layout in QSettings ("window/geometry",
// "window/state"): saved when the window closes or the application quits, restored when it is
// first shown. Restoring at first show, not at construction, lets docks created anywhere in
// MainWindow's constructor take their saved places (each dock needs a stable objectName for that).
class WindowStateKeeper : public QObject
{
    Q_OBJECT
public:
    explicit WindowStateKeeper(QMainWindow *window);

    void save() const;
    // Returns false when nothing was saved yet (first start) or the data was unusable.
    bool restore();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMainWindow *m_window;
    bool m_restored = false;
};

} // namespace kalito::ui
