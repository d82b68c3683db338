#include "settingtext.h"
#include "textlocale.h"

namespace kalito {

QString SettingText::describe(const QString &name, const QString &value, qint64 pageSize)
{
    bool numeric = false;
    const qint64 n = value.trimmed().toLongLong(&numeric);
    auto named = [&](std::initializer_list<const char *> names) {
        if (!numeric || n < 0 || n >= qint64(names.size()))
            return value;
        return QStringLiteral("%1 (%2)").arg(QLatin1String(names.begin()[n])).arg(n);
    };
    // SQLite's own names (NORMAL, WAL) stay as SQLite spells them, in every language.
    if (name == QLatin1String("synchronous"))
        return named({"OFF", "NORMAL", "FULL", "EXTRA"});
    if (name == QLatin1String("temp_store"))
        return named({"DEFAULT", "FILE", "MEMORY"});
    if (name == QLatin1String("journal_mode"))
        return value.toUpper();
    if (name == QLatin1String("foreign_keys") && numeric && (n == 0 || n == 1))
        return n ? tr("on") : tr("off");
    const QLocale locale = TextLocale::get();
    // A positive cache_size counts pages; a negative one is -KiB (SQLite's own convention).
    if (name == QLatin1String("cache_size") && numeric) {
        if (n < 0)
            return tr("%1 KiB").arg(locale.toString(-n));
        if (pageSize <= 0)
            return tr("%1 pages").arg(locale.toString(n));
        return tr("%1 pages (about %2)").arg(locale.toString(n), locale.formattedDataSize(n * pageSize));
    }
    if (name == QLatin1String("busy_timeout") && numeric)
        return tr("%1 ms").arg(locale.toString(n));
    return value;
}

} // namespace kalito
