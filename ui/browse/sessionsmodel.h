#pragma once

#include "browse/schemainfo.h"
#include "browse/sessionfilter.h"
#include "pagedmodel.h"

namespace kalito::ui {

// The sessions list. Message counts are fetched per page after its rows arrive, so the list never
// waits for them; until then the count cell is blank.
class SessionsModel : public PagedModel
{
    Q_OBJECT
public:
    enum Columns { Name, Persona, Messages, Model, Saved, Created, Updated, NumColumns };
    enum Roles { SessionIdRole = Qt::UserRole + 1 };

    explicit SessionsModel(Connection *connection, QObject *parent = nullptr);

    // Starts over with this schema and filter; an unavailable sessions table leaves it empty.
    void setSchema(const SchemaInfo &schema);
    void setFilter(const SessionFilter &filter);
    // Forgets the filter and sort without reloading (setSchema, which follows, reloads).
    void clearFilter() { m_filter = SessionFilter(); }
    const SessionFilter &filter() const { return m_filter; }
    QString sessionIdAt(int row) const;
    // The row of a session among the rows loaded, or -1 (the list's keys are not always the id).
    int findSessionRow(const QString &sessionId) const;
    // Whether sort(column) sorts: counts arrive later and extra columns are unknown, so not those.
    static bool isSortable(int column);
    qint64 messageCount(const QString &sessionId) const { return m_counts.value(sessionId, -1); }

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void countsArrived();

protected:
    QVariant rowData(const QVariantList &row, int column, int role) const override;
    void pageArrived(int firstRow, const RowPage &page) override;

private:
    void restart();

    SchemaInfo m_schema;
    SessionFilter m_filter;
    QStringList m_extra;
    QHash<QString, qint64> m_counts;
};

} // namespace kalito::ui
