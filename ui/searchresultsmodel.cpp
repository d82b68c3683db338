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
            return tr("Message %1 in session %2")
                .arg(h.messageId)
                .arg(h.sessionName.isEmpty() ? h.sessionId : h.sessionName);
        break;
    case MatchRangesRole:
        return QVariant::fromValue(m_match.findAll(h.snippet));
    case ContextLineRole: {
        QStringList parts{h.sessionName.isEmpty() ? h.sessionId : h.sessionName};
        if (!h.role.isEmpty())
            parts << h.role;
        const QString time = DisplayText::shortTimestamp(h.createdAt);
        if (!time.isEmpty())
            parts << time;
        return parts.join(QStringLiteral(" · "));
    }
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

void SearchResultsModel::setNeedle(const QString &needle)
{
    m_match = TextMatch(needle);
    if (!rows().isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, NumColumns - 1), {MatchRangesRole});
}

QList<TextRange> SearchResultsModel::matchRanges(int row) const
{
    if (row < 0 || row >= rows().size())
        return {};
    // Every occurrence in the snippet, found as the search found the message (the hit's own
    // range is the first of them).
    return m_match.findAll(rows().at(row).snippet);
}

} // namespace kalito::ui
