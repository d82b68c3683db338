#pragma once

#include <QLocale>

namespace kalito {

// The locale core's words write their numbers and sizes in: the C locale (the command line's
// English, "3.91 MiB", "230980") unless the window sets the person's (ui::Translations), so that a
// Spanish window says "3,91 MiB" beside Spanish words rather than an English decimal.
class TextLocale
{
public:
    static QLocale get();
    static void set(const QLocale &locale);
};

} // namespace kalito
