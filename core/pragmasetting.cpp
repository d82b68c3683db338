#include "pragmasetting.h"
#include "settingtext.h"

namespace kalito {

// The words are core/text's (SettingText), in the window's language and number format.
QString PragmaSetting::describe(const QString &name, const QString &value, qint64 pageSize)
{
    return SettingText::describe(name, value, pageSize);
}

QString PragmaSetting::whyCode() const
{
    switch (why) {
    case Why::None:
        return QStringLiteral("none");
    case Why::KeptOwnValue:
        return QStringLiteral("kept-own-value");
    case Why::KeptJournalMode:
        return QStringLiteral("kept-journal-mode");
    case Why::ReadOnlyJournal:
        return QStringLiteral("read-only-journal");
    case Why::JournalNotConverted:
        return QStringLiteral("journal-not-converted");
    case Why::Failed:
        return QStringLiteral("failed: ") + error.toString();
    }
    return QString();
}

} // namespace kalito
