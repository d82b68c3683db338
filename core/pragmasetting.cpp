#include "pragmasetting.h"
#include "settingtext.h"

namespace kalito {

// The words are core/text's (SettingText), in the window's language and number format.
QString PragmaSetting::describe(const QString &name, const QString &value, qint64 pageSize)
{
    return SettingText::describe(name, value, pageSize);
}

} // namespace kalito
