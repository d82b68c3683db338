#include "layoutsettle.h"

#include <QApplication>
#include <QEvent>

namespace kalito::test {

void LayoutSettle::wait()
{
    LayoutSettle counter;
    qApp->installEventFilter(&counter);
    for (int turn = 0; turn < 100; ++turn) { // a bound against a layout that never settles
        counter.m_requests = 0;
        QApplication::processEvents();
        if (counter.m_requests == 0)
            break;
    }
    qApp->removeEventFilter(&counter);
}

bool LayoutSettle::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LayoutRequest)
        ++m_requests;
    return QObject::eventFilter(watched, event);
}

} // namespace kalito::test
