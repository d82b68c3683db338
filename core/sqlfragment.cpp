#include "sqlfragment.h"

#include "browse/tableinfo.h"
#include "database.h"

namespace kalito::SqlFragment {

QString columnOrNull(const TableInfo *table, const QString &column, const QString &alias)
{
    if (!table || !table->hasColumn(column))
        return QStringLiteral("NULL");
    const QString quoted = Database::quoteIdentifier(column);
    return alias.isEmpty() ? quoted : alias + QLatin1Char('.') + quoted;
}

QString likeContains(const QString &text)
{
    QString p;
    p.reserve(text.size() + 8);
    p += QLatin1Char('%');
    for (QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            p += QLatin1Char('\\');
        p += c;
    }
    p += QLatin1Char('%');
    return p;
}

} // namespace kalito::SqlFragment
