#pragma once

#include "searchhit.h"
#include "textmatch.h"

#include "listtablemodel.h"

namespace kalito::ui {

// The hits of one search, appended batch by batch as they stream in. Plain text only.
class SearchResultsModel : public ListTableModel<SearchHit>
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

    explicit SearchResultsModel(QObject *parent = nullptr) : ListTableModel(NumColumns, parent) {}

    void appendHits(const QList<SearchHit> &hits) { appendRows(hits); }
    void clear() { setRows({}); }
    const SearchHit &hit(int row) const { return rows().at(row); }

    // The text searched for (the hits' snippets are highlighted where it matches).
    void setNeedle(const QString &needle);
    QString needle() const { return m_match.needle(); }
    QList<TextRange> matchRanges(int row) const;

protected:
    QStringList headers() const override;
    QVariant cell(const SearchHit &h, int row, int column, int role) const override;

private:
    TextMatch m_match;
};

} // namespace kalito::ui
