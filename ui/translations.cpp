#include "translations.h"
#include "textlocale.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace kalito::ui {

namespace {
const char *const kTranslatorName = "kalitoTranslator";
} // namespace

QStringList Translations::install(QCoreApplication *app, const QLocale &locale)
{
    uninstall(app);
    TextLocale::set(locale); // core's words write numbers as the person reads them
    QStringList loaded;
    auto *own = new QTranslator(app);
    own->setObjectName(QLatin1String(kTranslatorName));
    // Finds kalito-inspector_es_MX, then kalito-inspector_es, following locale.uiLanguages().
    if (own->load(locale, QStringLiteral("kalito-inspector"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
        loaded << QStringLiteral("kalito-inspector_") + locale.name().section(QLatin1Char('_'), 0, 0);
    } else if (own->load(QStringLiteral(":/i18n/kalito-inspector_en"))) {
        // English, or a language we do not ship: our strings stay English, with English plurals,
        // and Qt's own dialogs are not translated either (no mixed languages).
        QCoreApplication::installTranslator(own);
        loaded << QStringLiteral("kalito-inspector_en");
        return loaded;
    } else {
        delete own;
        return loaded;
    }
    if (loaded.constFirst() == QLatin1String("kalito-inspector_en"))
        return loaded; // English: Qt's own strings are English already
    auto *qt = new QTranslator(app);
    qt->setObjectName(QLatin1String(kTranslatorName));
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        loaded << QStringLiteral("qtbase_") + locale.name().section(QLatin1Char('_'), 0, 0);
    } else {
        delete qt;
    }
    return loaded;
}

void Translations::uninstall(QCoreApplication *app)
{
    TextLocale::set(QLocale::c());
    const QList<QTranslator *> translators =
        app->findChildren<QTranslator *>(QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly);
    for (QTranslator *t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace kalito::ui
