#include "applicationicon.h"

#include "logging.h"

namespace kalito::ui {

QIcon ApplicationIcon::icon()
{
    const QIcon embedded(QStringLiteral(":/icons/org.kalito.Inspector.svg"));
    const QIcon icon = QIcon::fromTheme(QStringLiteral("org.kalito.Inspector"), embedded);
    if (icon.availableSizes().isEmpty() && icon.pixmap(32).isNull())
        qCWarning(lcApp)
            << "the application icon cannot be drawn (is Qt's SVG plugin, libqt6svg6, installed?)";
    return icon;
}

} // namespace kalito::ui
