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
