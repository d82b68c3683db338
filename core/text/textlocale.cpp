#include "textlocale.h"

namespace kalito {

namespace {
QLocale &current()
{
    static QLocale locale = QLocale::c();
    return locale;
}
} // namespace

QLocale TextLocale::get()
{
    return current();
}

void TextLocale::set(const QLocale &locale)
{
    current() = locale;
}

} // namespace kalito
