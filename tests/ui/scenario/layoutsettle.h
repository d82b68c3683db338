#pragma once

#include <QObject>

namespace kalito::test {

// Waits for the application's layouts to settle, by counting rather than by time: turns of the
// event loop until one delivers no LayoutRequest (a child's new size hint posts one for its
// parent, so a change can take a few turns to reach the window).
class LayoutSettle : public QObject
{
public:
    static void wait();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int m_requests = 0;
};

} // namespace kalito::test
