#pragma once

#include <QCoreApplication>
#include <QString>

namespace kalito {

// The values of the connection's settings as people read them: "NORMAL (1)" rather than "1",
// "1000 pages (about 3.91 MiB)" rather than "1000" (PragmaSetting::actualText uses this).
class SettingText
{
    Q_DECLARE_TR_FUNCTIONS(kalito::SettingText)
public:
    static QString describe(const QString &name, const QString &value, qint64 pageSize = 0);
};

} // namespace kalito
