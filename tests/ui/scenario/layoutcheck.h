#pragma once

#include <QSize>
#include <QStringList>

class QWidget;

namespace kalito::test {

// What a person would see wrong in a window's layout, found from the widgets themselves: a visible
// widget that lies (partly) outside its parent, so that it is cut or off screen (content inside a
// scroll area's viewport is exempt: it scrolls); a label or button whose text needs more room than
// it has (an ElidedLabel that shortened its text is fine when its tooltip holds the whole text); a
// tab of a tab bar scrolled out of view; a tool bar that put items into its "»" overflow menu; a
// window that had to grow past the size it was given.
class LayoutCheck
{
public:
    // One line per problem, naming the widget by class, object name, text and its ancestors.
    static QStringList problems(QWidget *window, const QSize &requested);
    static QString describe(const QWidget *widget);
};

} // namespace kalito::test
