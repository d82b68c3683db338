#include "browsetext.h"

namespace kalito {

QString BrowseText::paging(TableQuery::Paging paging, const QString &table)
{
    switch (paging) {
    case TableQuery::Paging::Pageable:
        break;
    case TableQuery::Paging::View:
        return tr("%1 is a view: it has no key to page on.").arg(table);
    case TableQuery::Paging::NoKey:
        return tr("%1 has neither a rowid nor a primary key to page on.").arg(table);
    }
    return QString();
}

} // namespace kalito
