#include "layoutcheck.h"

#include "elidedlabel.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QLabel>
#include <QMainWindow>
#include <QScrollArea>
#include <QTabBar>
#include <QToolBar>

namespace kalito::test {

namespace {

// Inside a scroll area's viewport a widget may lie outside what is shown: the person scrolls to it.
bool scrolls(const QWidget *parent)
{
    auto *area = parent ? qobject_cast<const QAbstractScrollArea *>(parent->parentWidget()) : nullptr;
    return area && area->viewport() == parent;
}

QString textOf(const QWidget *w)
{
    if (auto *label = qobject_cast<const ui::ElidedLabel *>(w))
        return label->fullText();
    if (auto *label = qobject_cast<const QLabel *>(w))
        return label->text();
    if (auto *button = qobject_cast<const QAbstractButton *>(w))
        return button->text();
    return {};
}

QString cutText(const QWidget *w)
{
    if (auto *label = qobject_cast<const ui::ElidedLabel *>(w)) {
        if (label->text() != label->fullText() && !label->toolTip().contains(label->fullText()) &&
            !label->accessibleDescription().contains(label->fullText()))
            return QStringLiteral("elided without the whole text in its tooltip");
        return {};
    }
    if (auto *label = qobject_cast<const QLabel *>(w)) {
        if (label->text().isEmpty() || !label->pixmap().isNull())
            return {};
        if (label->wordWrap()) {
            const int need = label->heightForWidth(label->width());
            if (need > label->height() + 1)
                return QStringLiteral("needs %1 px of height, has %2").arg(need).arg(label->height());
            return {};
        }
        const int need = label->minimumSizeHint().width();
        if (need > label->width() + 1)
            return QStringLiteral("needs %1 px of width, has %2").arg(need).arg(label->width());
        return {};
    }
    if (auto *button = qobject_cast<const QAbstractButton *>(w)) {
        if (button->text().isEmpty())
            return {};
        const int need = button->sizeHint().width();
        if (need > button->width() + 1)
            return QStringLiteral("needs %1 px of width, has %2").arg(need).arg(button->width());
    }
    return {};
}

} // namespace

QString LayoutCheck::describe(const QWidget *widget)
{
    QStringList chain;
    for (const QWidget *w = widget; w && !w->isWindow(); w = w->parentWidget()) {
        QString name = QString::fromLatin1(w->metaObject()->className());
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_")))
            name += u'#' + w->objectName();
        chain.prepend(name);
    }
    QString text = textOf(widget);
    if (text.size() > 60)
        text = text.left(60) + u'…';
    return chain.join(QStringLiteral(" > ")) +
           (text.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(text));
}

QStringList LayoutCheck::problems(QWidget *window, const QSize &requested)
{
    QStringList found;
    if (window->size() != requested)
        found << QStringLiteral("the window is %1x%2, not the %3x%4 it was given: its content does not fit")
                     .arg(window->width())
                     .arg(window->height())
                     .arg(requested.width())
                     .arg(requested.height());
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->window() != window || w->size().isEmpty())
            continue;
        if (qstrcmp(w->metaObject()->className(), "QToolBarExtension") == 0) {
            found << describe(w) + QStringLiteral(": the tool bar overflows into its » menu");
            continue;
        }
        QWidget *parent = w->parentWidget();
        // QMainWindow parks the docks of a tab group not in front, and its unused dock tab bars,
        // wholly outside itself: they are not shown.
        if (qobject_cast<QMainWindow *>(parent) && !parent->rect().intersects(w->geometry()))
            continue;
        if (parent && !scrolls(parent) && !qobject_cast<QScrollArea *>(parent->parentWidget())) {
            const QRect r = w->geometry();
            if (!parent->rect().adjusted(-1, -1, 1, 1).contains(r))
                found << describe(w) + QStringLiteral(": lies outside its parent (%1,%2 %3x%4 in %5x%6)")
                                           .arg(r.x())
                                           .arg(r.y())
                                           .arg(r.width())
                                           .arg(r.height())
                                           .arg(parent->width())
                                           .arg(parent->height());
        }
        const QString cut = cutText(w);
        if (!cut.isEmpty())
            found << describe(w) + QStringLiteral(": text cut: ") + cut;
        if (auto *bar = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < bar->count(); ++i) {
                if (!bar->rect().contains(bar->tabRect(i)))
                    found << describe(w) + QStringLiteral(": tab \"%1\" is out of view").arg(bar->tabText(i));
            }
        }
    }
    return found;
}

} // namespace kalito::test
