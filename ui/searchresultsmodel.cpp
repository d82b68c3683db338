#include "searchresultsmodel.h"

#include "browse/displaytext.h"

namespace kalito::ui {

SearchResultsModel::SearchResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NumColumns;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
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
        if (index.column() == SessionColumn)
            return tr("Session %1").arg(h.sessionId);
        if (index.column() == SnippetColumn)
            return tr("Message %1 in session %2")
                .arg(h.messageId)
                .arg(h.sessionName.isEmpty() ? h.sessionId : h.sessionName);
        break;
    case MatchRangesRole:
        return QVariant::fromValue(matchRanges(index.row()));
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

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SessionColumn:
        return tr("Session");
    case RoleColumn:
        return tr("Role");
    case TimeColumn:
        return tr("Time");
    case SnippetColumn:
        return tr("Text");
    }
    return {};
}

void SearchResultsModel::setNeedle(const QString &needle)
{
    m_match = TextMatch(needle);
    if (!m_hits.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, NumColumns - 1), {MatchRangesRole});
}

QList<TextRange> SearchResultsModel::matchRanges(int row) const
{
    if (row < 0 || row >= m_hits.size())
        return {};
    // Every occurrence in the snippet, found as the search found the message (the hit's own
    // range is the first of them).
    return m_match.findAll(m_hits.at(row).snippet);
}

void SearchResultsModel::appendHits(const QList<SearchHit> &hits)
{
    if (hits.isEmpty())
        return;
    const int first = int(m_hits.size());
    beginInsertRows({}, first, first + int(hits.size()) - 1);
    m_hits += hits;
    endInsertRows();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    endResetModel();
}

} // namespace kalito::ui
