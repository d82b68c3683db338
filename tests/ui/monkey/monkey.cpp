#include "monkey.h"

#include "failurereport.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QScrollBar>
#include <QTest>
#include <QWheelEvent>

namespace kalito::monkey {

namespace {

// Weights of the kinds, in Kind order: mostly what a person does most.
constexpr std::array<int, Monkey::NumKinds> kWeights{30, 8, 5, 5, 12, 25, 10, 3, 2, 4, 12};

// What people type into filter and search boxes, including what breaks naive LIKE patterns and
// quoting, right-to-left scripts, CJK, emoji (surrogate pairs, a ZWJ sequence) and combining marks.
const char *const kTexts[] = {
    "%",
    "_",
    "'",
    "\"",
    "\\",
    "a%_b",
    "%%",
    "_%_",
    "\\%",
    "' OR 1=1 --",
    "\"; DROP TABLE sessions; --",
    "the",
    "patient",
    "Session",
    "medication",
    "a",
    "z",
    "x",
    "e",
    "1",
    "2024",
    "gpt",
    "default",
    "مرحبا",
    "שלום",
    "你好",
    "日本語のテキスト",
    "🙂",
    "👩‍💻",
    "Ελληνικά",
    "ΣΊΣΥΦΟΣ",
    "café",
    "naïve",
    "Grüße",
    "привет",
    "e\u0301",
    "**bold**",
    "<b>x</b>",
    "   ",
    "tab\there",
    "ﷺ",
    "ß",
    "İ",
};

struct KeyChoice
{
    Qt::Key key;
    Qt::KeyboardModifiers modifiers;
};

const KeyChoice kKeys[] = {
    {Qt::Key_Up, Qt::NoModifier},         {Qt::Key_Down, Qt::NoModifier},
    {Qt::Key_Left, Qt::NoModifier},       {Qt::Key_Right, Qt::NoModifier},
    {Qt::Key_PageUp, Qt::NoModifier},     {Qt::Key_PageDown, Qt::NoModifier},
    {Qt::Key_Home, Qt::NoModifier},       {Qt::Key_End, Qt::NoModifier},
    {Qt::Key_Home, Qt::ControlModifier},  {Qt::Key_End, Qt::ControlModifier},
    {Qt::Key_Down, Qt::ShiftModifier},    {Qt::Key_Tab, Qt::NoModifier},
    {Qt::Key_Backtab, Qt::ShiftModifier}, {Qt::Key_Return, Qt::NoModifier},
    {Qt::Key_Enter, Qt::KeypadModifier},  {Qt::Key_Escape, Qt::NoModifier},
    {Qt::Key_Space, Qt::NoModifier},      {Qt::Key_Delete, Qt::NoModifier},
    {Qt::Key_Backspace, Qt::NoModifier},  {Qt::Key_Backspace, Qt::NoModifier},
    {Qt::Key_F5, Qt::NoModifier},         {Qt::Key_F, Qt::ControlModifier},
    {Qt::Key_C, Qt::ControlModifier},     {Qt::Key_A, Qt::ControlModifier},
    {Qt::Key_Tab, Qt::ControlModifier},   {Qt::Key_F4, Qt::NoModifier},
};

// Rarely: open dialogs and quit, which are slower than the rest.
const KeyChoice kRareKeys[] = {
    {Qt::Key_O, Qt::ControlModifier},
    {Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier},
    {Qt::Key_Q, Qt::ControlModifier},
};

QString describe(QWidget *w)
{
    if (!w)
        return QStringLiteral("(none)");
    QString s = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        s += QLatin1Char('#') + w->objectName();
    if (QWidget *p = w->parentWidget()) {
        s += QStringLiteral(" in ") + QString::fromLatin1(p->metaObject()->className());
        if (!p->objectName().isEmpty())
            s += QLatin1Char('#') + p->objectName();
    }
    return s;
}

QWidget *keyTarget(QWidget *window)
{
    if (QWidget *popup = QApplication::activePopupWidget())
        return popup->focusWidget() ? popup->focusWidget() : popup;
    QWidget *focus = QApplication::focusWidget();
    return focus ? focus : window;
}

void collectActions(const QList<QAction *> &actions, QList<QAction *> &out)
{
    for (QAction *a : actions) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        if (QMenu *m = a->menu())
            collectActions(m->actions(), out);
        else
            out << a;
    }
}

} // namespace

Monkey::Monkey(std::uint64_t seed) : m_random(seed) {}

QString Monkey::kindName(int kind)
{
    static const char *const names[] = {"click", "double-click", "right-click", "drag",        "wheel", "key",
                                        "type",  "menu",         "resize",      "scroll-jump", "aim"};
    return QString::fromLatin1(names[kind]);
}

Monkey::Kind Monkey::pickKind()
{
    int total = 0;
    for (int w : kWeights)
        total += w;
    int r = pick(total);
    for (int k = 0; k < NumKinds; ++k) {
        if (r < kWeights.at(size_t(k)))
            return Kind(k);
        r -= kWeights.at(size_t(k));
    }
    return Click;
}

QString Monkey::act(QWidget *window)
{
    const Kind kind = pickKind();
    ++m_counts.at(size_t(kind));
    switch (kind) {
    case Click:
    case DoubleClick:
    case RightClick:
        return click(window, kind);
    case Drag:
        return drag(window);
    case Wheel:
        return wheel(window);
    case Key:
        return key(window);
    case Type:
        return type(window);
    case MenuAction:
        return menuAction(window);
    case Resize:
        return resize(window);
    case ScrollJump:
        return scrollJump(window);
    case Aim:
        return aim(window);
    case NumKinds:
        break;
    }
    return QString();
}

QPoint Monkey::pickPoint(QWidget *window)
{
    return QPoint(pick(qMax(1, window->width())), pick(qMax(1, window->height())));
}

QString Monkey::click(QWidget *window, Kind kind)
{
    const QPoint at = pickPoint(window);
    QWidget *target = window->childAt(at);
    if (!target)
        target = window;
    const QPoint local = target->mapFrom(window, at);
    const Qt::KeyboardModifiers modifiers = pick(10) == 0   ? Qt::ShiftModifier
                                            : pick(10) == 0 ? Qt::ControlModifier
                                                            : Qt::NoModifier;
    const QString what =
        QStringLiteral("%1 at %2,%3 on %4").arg(kindName(kind)).arg(at.x()).arg(at.y()).arg(describe(target));
    FailureReport::setLastAction(what);
    QPointer<QWidget> guard(target);
    if (kind == DoubleClick) {
        QTest::mouseDClick(target, Qt::LeftButton, modifiers, local);
    } else if (kind == RightClick) {
        QTest::mouseClick(target, Qt::RightButton, modifiers, local);
        // QTest sends no context menu event with the right button; a real mouse does.
        if (guard) {
            QContextMenuEvent menu(QContextMenuEvent::Mouse, local, guard->mapToGlobal(local), modifiers);
            QApplication::sendEvent(guard, &menu);
        }
    } else {
        QTest::mouseClick(target, Qt::LeftButton, modifiers, local);
    }
    return what;
}

QString Monkey::drag(QWidget *window)
{
    // Scroll bar thumbs, header sections, splitters: press, move in a few steps, release.
    const QPoint from = pickPoint(window);
    QWidget *target = window->childAt(from);
    if (!target)
        target = window;
    const QPoint start = target->mapFrom(window, from);
    const QPoint end = start + QPoint(pick(401) - 200, pick(601) - 300);
    const QString what = QStringLiteral("drag from %1,%2 by %3,%4 on %5")
                             .arg(from.x())
                             .arg(from.y())
                             .arg(end.x() - start.x())
                             .arg(end.y() - start.y())
                             .arg(describe(target));
    FailureReport::setLastAction(what);
    QPointer<QWidget> guard(target);
    QTest::mousePress(target, Qt::LeftButton, Qt::NoModifier, start);
    for (int step = 1; step <= 4 && guard; ++step) {
        const QPoint p = start + (end - start) * step / 4;
        QMouseEvent move(QEvent::MouseMove, p, guard->mapToGlobal(p), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(guard, &move);
    }
    if (guard)
        QTest::mouseRelease(guard, Qt::LeftButton, Qt::NoModifier, end);
    return what;
}

QString Monkey::wheel(QWidget *window)
{
    const QPoint at = pickPoint(window);
    QWidget *target = window->childAt(at);
    if (!target)
        target = window;
    const QPoint local = target->mapFrom(window, at);
    const int notches = pick(2) ? (1 + pick(3)) : -(1 + pick(3));
    const bool horizontal = pick(8) == 0;
    const QPoint angle = horizontal ? QPoint(notches * 120, 0) : QPoint(0, notches * 120);
    QWheelEvent event(local, target->mapToGlobal(local), QPoint(), angle, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    const QString what =
        QStringLiteral("wheel %1 at %2,%3 on %4").arg(notches).arg(at.x()).arg(at.y()).arg(describe(target));
    FailureReport::setLastAction(what);
    QApplication::sendEvent(target, &event);
    return what;
}

QString Monkey::key(QWidget *window)
{
    QWidget *target = keyTarget(window);
    const bool rare = pick(80) == 0;
    const KeyChoice choice = rare           ? kRareKeys[pick(int(std::size(kRareKeys)))]
                             : pick(5) == 0 ? KeyChoice{Qt::Key(Qt::Key_A + pick(26)), Qt::NoModifier}
                                            : kKeys[pick(int(std::size(kKeys)))];
    if (rare && choice.key == Qt::Key_Q)
        ++m_quits;
    const QString what = QStringLiteral("key %1 to %2")
                             .arg(QKeySequence(choice.key | choice.modifiers).toString(), describe(target));
    FailureReport::setLastAction(what);
    QTest::keyClick(target, choice.key, choice.modifiers);
    return what;
}

QString Monkey::type(QWidget *window)
{
    QWidget *target = keyTarget(window);
    const QString text = QString::fromUtf8(kTexts[pick(int(std::size(kTexts)))]);
    const bool inputMethod = pick(4) == 0;
    const QString what =
        QStringLiteral("type \"%1\"%2 to %3")
            .arg(text, inputMethod ? QStringLiteral(" (input method)") : QString(), describe(target));
    FailureReport::setLastAction(what);
    QPointer<QWidget> guard(target);
    if (inputMethod) {
        // A composed commit, as an input method sends CJK or emoji.
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(target, &commit);
        return what;
    }
    // One key event per code point; QTest::keyClicks only knows Latin-1.
    const QList<uint> points = text.toUcs4();
    for (uint cp : points) {
        if (!guard)
            break;
        const char32_t c = char32_t(cp);
        const QString one = QString::fromUcs4(&c, 1);
        if (cp < 0x80 && cp >= 0x20) {
            QTest::keyClick(guard, char(cp));
            continue;
        }
        if (cp == '\t') {
            QTest::keyClick(guard, Qt::Key_Tab);
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, one);
        QApplication::sendEvent(guard, &press);
        if (!guard)
            break;
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, one);
        QApplication::sendEvent(guard, &release);
    }
    return what;
}

QString Monkey::menuAction(QWidget *window)
{
    auto *main = qobject_cast<QMainWindow *>(window);
    if (!main)
        return QStringLiteral("menu: no menu bar");
    QList<QAction *> actions;
    collectActions(main->menuBar()->actions(), actions);
    // Quit ends the window's life; now and then only, so that a window lives long enough to get
    // somewhere (a search, its results, an export).
    const bool mayQuit = pick(4) == 0;
    QList<QAction *> enabled;
    for (QAction *a : actions) {
        if (a->isEnabled() && (mayQuit || a->objectName() != QLatin1String("actionQuit")))
            enabled << a;
    }
    if (enabled.isEmpty())
        return QStringLiteral("menu: nothing enabled");
    QAction *action = enabled.at(pick(int(enabled.size())));
    const QString what = QStringLiteral("menu \"%1\"").arg(action->text());
    if (action->objectName() == QLatin1String("actionQuit"))
        ++m_quits;
    FailureReport::setLastAction(what);
    action->trigger();
    return what;
}

QString Monkey::resize(QWidget *window)
{
    const QSize size(400 + pick(1200), 300 + pick(700));
    const QString what = QStringLiteral("resize to %1x%2").arg(size.width()).arg(size.height());
    FailureReport::setLastAction(what);
    window->resize(size);
    return what;
}

QString Monkey::scrollJump(QWidget *window)
{
    // A person dragging a scroll bar's thumb far down a long list: rows far from any cached page.
    QList<QAbstractScrollArea *> areas;
    for (QAbstractScrollArea *a : window->findChildren<QAbstractScrollArea *>()) {
        if (a->isVisible() && a->verticalScrollBar()->maximum() > 0)
            areas << a;
    }
    if (areas.isEmpty())
        return QStringLiteral("scroll-jump: nothing to scroll");
    QAbstractScrollArea *area = areas.at(pick(int(areas.size())));
    QScrollBar *bar = area->verticalScrollBar();
    const int value = pick(5) == 0 ? bar->maximum() : pick(bar->maximum() + 1);
    const QString what =
        QStringLiteral("scroll-jump to %1 of %2 in %3").arg(value).arg(bar->maximum()).arg(describe(area));
    FailureReport::setLastAction(what);
    bar->setValue(value);
    return what;
}

QString Monkey::pickOpenPath()
{
    // One in eight: the person cancelled the dialog.
    if (m_openPaths.isEmpty() || pick(8) == 0)
        return QString();
    return m_openPaths.at(pick(int(m_openPaths.size())));
}

} // namespace kalito::monkey
