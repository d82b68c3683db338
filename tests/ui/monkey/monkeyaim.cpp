// Monkey, aimed actions: what a person does on purpose and random points rarely hit. Small buttons
// that come and go (the live marker, Cancel copy, the find bar's arrows, Conversation/Grid, First
// and Last), and the parts of a message in the conversation view: its text (click, double click,
// a drag that selects), "Show all" of a clipped message, the context menu on a message, and the
// reader's keys with the focus in the conversation (F3 and Shift+F3 of the find bar included).
#include "monkey.h"

#include "browse/conversationitems.h"
#include "browse/conversationview.h"
#include "browse/messagesmodel.h"
#include "failurereport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QPointer>
#include <QTest>
#include <QWheelEvent>

namespace kalito::monkey {

namespace {

struct ReaderKey
{
    Qt::Key key;
    Qt::KeyboardModifiers modifiers;
};

const ReaderKey kReaderKeys[] = {
    {Qt::Key_Up, Qt::NoModifier},     {Qt::Key_Down, Qt::NoModifier},   {Qt::Key_Up, Qt::NoModifier},
    {Qt::Key_Down, Qt::NoModifier},   {Qt::Key_PageUp, Qt::NoModifier}, {Qt::Key_PageDown, Qt::NoModifier},
    {Qt::Key_Space, Qt::NoModifier},  {Qt::Key_Home, Qt::NoModifier},   {Qt::Key_End, Qt::NoModifier},
    {Qt::Key_A, Qt::ControlModifier}, {Qt::Key_C, Qt::ControlModifier}, {Qt::Key_F, Qt::ControlModifier},
    {Qt::Key_F3, Qt::NoModifier},     {Qt::Key_F3, Qt::ShiftModifier},  {Qt::Key_Escape, Qt::NoModifier},
    {Qt::Key_Return, Qt::NoModifier},
};

ui::ConversationView *shownConversation(QWidget *window)
{
    for (ui::ConversationView *v : window->findChildren<ui::ConversationView *>()) {
        if (v->isVisible())
            return v;
    }
    return nullptr;
}

} // namespace

QString Monkey::aim(QWidget *window)
{
    ui::ConversationView *conversation = shownConversation(window);
    if (conversation && pick(3) != 0)
        return aimConversation(conversation);
    return aimButton(window);
}

QString Monkey::aimButton(QWidget *window)
{
    QList<QAbstractButton *> buttons;
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
        if (b->isVisible() && b->isEnabled() && !qobject_cast<QFileDialog *>(b->window()))
            buttons << b;
    }
    if (buttons.isEmpty())
        return QStringLiteral("aim: no button");
    QAbstractButton *button = buttons.at(pick(int(buttons.size())));
    const QString what = QStringLiteral("aim: click button \"%1\" (%2)")
                             .arg(button->text(), QString::fromLatin1(button->metaObject()->className()));
    FailureReport::setLastAction(what);
    QTest::mouseClick(button, Qt::LeftButton, Qt::NoModifier, button->rect().center());
    return what;
}

QString Monkey::aimConversation(ui::ConversationView *view)
{
    QWidget *viewport = view->viewport();
    const auto visible = view->visibleRows();
    const int choice = pick(8);
    if (choice < 3 || visible.isEmpty()) {
        const ReaderKey k = kReaderKeys[pick(int(std::size(kReaderKeys)))];
        const QString what = QStringLiteral("aim: key %1 in the conversation (%2 rows)")
                                 .arg(QKeySequence(k.key | k.modifiers).toString())
                                 .arg(view->model()->rowCount());
        FailureReport::setLastAction(what);
        view->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(view, k.key, k.modifiers);
        return what;
    }
    // A row on screen, and a point in its text (or its "Show all" when it is clipped).
    const auto &[row, rect] = visible.at(pick(int(visible.size())));
    const auto item = view->items()->item(row);
    QRect target = rect.intersected(viewport->rect());
    if (item) {
        const QRect body = view->items()->bodyRect(*item).translated(rect.topLeft());
        if (item->clipped && pick(2) == 0)
            target = view->items()->showAllRect(*item).translated(rect.topLeft());
        else if (body.intersects(viewport->rect()))
            target = body.intersected(viewport->rect());
    }
    if (target.isEmpty())
        target = viewport->rect();
    const QPoint at(target.left() + pick(qMax(1, target.width())),
                    target.top() + pick(qMax(1, target.height())));
    const Qt::KeyboardModifiers modifiers = pick(6) == 0   ? Qt::ShiftModifier
                                            : pick(6) == 0 ? Qt::ControlModifier
                                                           : Qt::NoModifier;
    static const char *const names[] = {"", "", "", "click", "double-click", "context menu", "drag", "wheel"};
    const QString what = QStringLiteral("aim: %1 at %2,%3 on row %4 of the conversation%5")
                             .arg(QLatin1String(names[choice]))
                             .arg(at.x())
                             .arg(at.y())
                             .arg(row)
                             .arg(item && item->clipped ? QStringLiteral(" (clipped)") : QString());
    FailureReport::setLastAction(what);
    QPointer<QWidget> guard(viewport);
    switch (choice) {
    case 3:
        QTest::mouseClick(viewport, Qt::LeftButton, modifiers, at);
        break;
    case 4:
        QTest::mouseDClick(viewport, Qt::LeftButton, modifiers, at);
        break;
    case 5: {
        QTest::mouseClick(viewport, Qt::RightButton, modifiers, at);
        if (!guard)
            break;
        QContextMenuEvent menu(QContextMenuEvent::Mouse, at, viewport->mapToGlobal(at), modifiers);
        QApplication::sendEvent(viewport, &menu);
        break;
    }
    case 6: {
        // A text selection, now and then dragged past the top or bottom edge (which scrolls).
        const QPoint end = at + QPoint(pick(301) - 150, pick(3) == 0 ? pick(2000) - 1000 : pick(61) - 30);
        QTest::mousePress(viewport, Qt::LeftButton, modifiers, at);
        for (int step = 1; step <= 4 && guard; ++step) {
            const QPoint p = at + (end - at) * step / 4;
            QMouseEvent move(QEvent::MouseMove, p, viewport->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                             modifiers);
            QApplication::sendEvent(viewport, &move);
        }
        if (guard)
            QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, end);
        break;
    }
    default: {
        QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(),
                          QPoint(0, (pick(2) ? 1 : -1) * 120 * (1 + pick(4))), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        break;
    }
    }
    return what;
}

} // namespace kalito::monkey
