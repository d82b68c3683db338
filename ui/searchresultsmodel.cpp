#include "searchresultsmodel.h"

#include "browse/displaytext.h"

namespace kalito::ui {

QVariant SearchResultsModel::cell(const SearchHit &h, int, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case SessionColumn:
            return h.sessionName.isEmpty() ? h.sessionId : h.sessionName;
        case RoleColumn:
            return h.role;
        case TimeColumn:
            return DisplayText::shortTimestamp(h.createdAt); // as the transcript shows times
        case SnippetColumn:
            return h.snippet;
        }
        break;
    case Qt::ToolTipRole:
        if (column == SessionColumn)
            return tr("Session %1").arg(h.sessionId);
        if (column == SnippetColumn)
            return tr("Message %1").arg(h.messageId);
        break;
    case SessionIdRole:
        return h.sessionId;
    case MessageIdRole:
        return h.messageId;
    case SessionNameRole:
        return h.sessionName;
    }
    return {};
}

QStringList SearchResultsModel::headers() const
{
    return {tr("Session"), tr("Role"), tr("Time"), tr("Text")};
}

} // namespace kalito::ui
