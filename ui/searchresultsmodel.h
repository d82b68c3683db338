#pragma once

#include "searchhit.h"

#include "listtablemodel.h"

namespace kalito::ui {

// The hits of one search, appended batch by batch as they stream in. Plain text only.
class SearchResultsModel : public ListTableModel<SearchHit>
{
    Q_OBJECT
public:
    enum Columns { SessionColumn, RoleColumn, TimeColumn, SnippetColumn, NumColumns };
    enum Roles { SessionIdRole = Qt::UserRole + 1, MessageIdRole, SessionNameRole };

    explicit SearchResultsModel(QObject *parent = nullptr) : ListTableModel(NumColumns, parent) {}

    void appendHits(const QList<SearchHit> &hits) { appendRows(hits); }
    void clear() { setRows({}); }
    const SearchHit &hit(int row) const { return rows().at(row); }

protected:
    QStringList headers() const override;
    QVariant cell(const SearchHit &h, int row, int column, int role) const override;
};

} // namespace kalito::ui
