#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace kalito::ui {

// Installs the application's translation (embedded at :/i18n) and Qt's own (qtbase_*.qm from the
// system's Qt translations folder, when present) for a locale, normally QLocale::system().
class Translations
{
public:
    // Returns the catalogues that loaded, e.g. {"kalito-inspector_es", "qtbase_es"}. For English
    // (the source language) and a language we do not ship: {"kalito-inspector_en"}, the English
    // plural forms only ("1 session", "2 sessions"), and no Qt catalogue (no mixed languages).
    static QStringList install(QCoreApplication *app, const QLocale &locale = QLocale::system());
    // Removes what install() put in place (tests switch languages).
    static void uninstall(QCoreApplication *app);
};

} // namespace kalito::ui
