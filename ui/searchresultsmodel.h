#pragma once

#include "searchhit.h"
#include "textmatch.h"

#include <QAbstractTableModel>

namespace kalito::ui {

// The hits of one search, appended batch by batch as they stream in. Plain text only.
class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { SessionColumn, RoleColumn, TimeColumn, SnippetColumn, NumColumns };
    enum Roles {
        SessionIdRole = Qt::UserRole + 1,
        MessageIdRole,
        SessionNameRole,
        // Where the searched text is in the snippet (QList<TextRange>, TextMatch's matching).
        MatchRangesRole,
        // Session, role and time on one line, for the quiet line above the snippet.
        ContextLineRole,
    };

    explicit SearchResultsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The text searched for (the hits' snippets are highlighted where it matches).
    void setNeedle(const QString &needle);
    QString needle() const { return m_match.needle(); }
    QList<TextRange> matchRanges(int row) const;
    void appendHits(const QList<SearchHit> &hits);
    void clear();
    const SearchHit &hit(int row) const { return m_hits.at(row); }

private:
    QList<SearchHit> m_hits;
    TextMatch m_match;
};

} // namespace kalito::ui
