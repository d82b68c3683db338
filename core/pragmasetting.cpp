#include "pragmasetting.h"

#include <QLocale>

namespace kalito {

QString PragmaSetting::describe(const QString &name, const QString &value, qint64 pageSize)
{
    bool numeric = false;
    const qint64 n = value.trimmed().toLongLong(&numeric);
    auto named = [&](std::initializer_list<const char *> names) {
        if (!numeric || n < 0 || n >= qint64(names.size()))
            return value;
        return QStringLiteral("%1 (%2)").arg(QLatin1String(names.begin()[n])).arg(n);
    };
    if (name == QLatin1String("synchronous"))
        return named({"OFF", "NORMAL", "FULL", "EXTRA"});
    if (name == QLatin1String("temp_store"))
        return named({"DEFAULT", "FILE", "MEMORY"});
    if (name == QLatin1String("journal_mode"))
        return value.toUpper();
    if (name == QLatin1String("foreign_keys") && numeric && (n == 0 || n == 1))
        return n ? QStringLiteral("on") : QStringLiteral("off");
    // A positive cache_size counts pages; a negative one is -KiB (SQLite's own convention).
    if (name == QLatin1String("cache_size") && numeric) {
        if (n < 0)
            return QStringLiteral("%1 KiB").arg(-n);
        if (pageSize <= 0)
            return QStringLiteral("%1 pages").arg(n);
        return QStringLiteral("%1 pages (about %2)").arg(n).arg(QLocale::c().formattedDataSize(n * pageSize));
    }
    if (name == QLatin1String("busy_timeout") && numeric)
        return QStringLiteral("%1 ms").arg(n);
    return value;
}

} // namespace kalito
